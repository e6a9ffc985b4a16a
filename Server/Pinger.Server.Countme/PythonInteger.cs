using System.Globalization;
using System.Text;

namespace Pinger.Server.Countme;

/// <summary>
/// Reads a decimal integer the way Python's <c>int(text)</c> does, which is how mirrors-countme reads the
/// decoded <c>countme</c> value: surrounding whitespace (Python's, which includes U+001C to U+001F), an optional
/// sign, then digits of any script (Unicode category Nd) with single underscores between them, leading zeros
/// allowed, no size limit. Anything else (a NUL, a dot, a sign after a space) is not an integer.
/// </summary>
public static class PythonInteger
{
    /// <summary>The value as canonical decimal text (no leading zeros, no plus sign, "0" for zero), or false.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out string canonical, out bool negative)
    {
        canonical = string.Empty;
        negative = false;
        var start = 0;
        var end = text.Length;
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }
        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }
        if (start < end && text[start] is '+' or '-')
        {
            negative = text[start] == '-';
            start++;
        }
        if (start == end)
        {
            return false;
        }
        var digits = new StringBuilder(end - start);
        var afterDigit = false;
        foreach (var rune in text[start..end].EnumerateRunes())
        {
            if (rune.Value == '_')
            {
                if (!afterDigit)
                {
                    return false;
                }
                afterDigit = false;
                continue;
            }
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.DecimalDigitNumber)
            {
                return false;
            }
            var value = CharUnicodeInfo.GetDecimalDigitValue(rune.ToString(), 0);
            if (value < 0)
            {
                return false;
            }
            if (digits.Length > 0 || value != 0)
            {
                digits.Append((char)('0' + value));
            }
            afterDigit = true;
        }
        if (!afterDigit)
        {
            return false; // empty, or ends with an underscore
        }
        if (digits.Length == 0)
        {
            negative = false;
            canonical = "0";
            return true;
        }
        canonical = negative ? "-" + digits : digits.ToString();
        return true;
    }

    /// <summary>Python's str.isspace for one UTF-16 unit: .NET's white space plus the ASCII separators 0x1C-0x1F.</summary>
    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';
}

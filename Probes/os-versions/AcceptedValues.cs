using Pinger.Plugins.Sdk;

namespace Pinger.Probes.OsVersions;

/// <summary>
/// Sets a field only when its declaration accepts the value, so that a value outside the pattern is left out
/// rather than cut to fit (a shortened version string would be a wrong one).
/// </summary>
internal sealed class AcceptedValues(FieldValues values, IProbeLog log)
{
    public void Set(FieldDeclaration field, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (field.Accepts(FieldValue.FromText(value), out _))
        {
            values.Set(field.Name, value);
        }
        else
        {
            log.Debug($"Left out {field.Name}: the value on this machine does not match the field's declaration.");
        }
    }
}

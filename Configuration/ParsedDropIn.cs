namespace Pinger.Configuration;

/// <summary>
/// One drop-in file, read and parsed once. Its entries are checked later, against whatever probes are known by
/// then, as often as needed, without touching the file again.
/// </summary>
/// <param name="File">The file.</param>
/// <param name="Fragment">What it says; a file that cannot be read is a fragment holding only that error.</param>
public sealed record ParsedDropIn(DropInFile File, ConfigFragment Fragment);

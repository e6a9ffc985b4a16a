// The client campaigns run the Linux binary on Linux: mounts, file modes, signals.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

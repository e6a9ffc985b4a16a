// The host is Linux-only, and so are its tests.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

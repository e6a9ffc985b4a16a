// The server runs on Linux (systemd, file modes, credentials), and so do its tests.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

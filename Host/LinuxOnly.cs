// Pinger reads Linux's /proc, /sys and the systemd journal; it runs nowhere else.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

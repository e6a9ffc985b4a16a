// RPM packages, rpmbuild and the binaries they carry are Linux-only, and so are these tests.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

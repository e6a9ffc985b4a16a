namespace Pinger.Fuzzing;

/// <summary>Runs the target on files without afl-fuzz: to look at a crash afl-fuzz saved, or to check a corpus.</summary>
internal static class Replay
{
    public static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Prints each file's outcome; returns 1 when any input crashed the target.</summary>
    public static unsafe int Files(IEnumerable<string> files, Func<byte[], string> check)
    {
        // Instrumented assemblies write their coverage to this map; outside afl-fuzz a private one will do.
        SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(1 << 16);
        var crashes = 0;
        foreach (var file in files)
        {
            try
            {
                Console.WriteLine($"{file}: {check(File.ReadAllBytes(file))}");
            }
            catch (Exception e)
            {
                crashes++;
                Console.WriteLine($"{file}: CRASH {e}");
            }
        }

        return crashes > 0 ? 1 : 0;
    }
}

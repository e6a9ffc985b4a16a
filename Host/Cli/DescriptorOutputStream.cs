using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Pinger.Host.Cli;

/// <summary>
/// A write-only stream over a file descriptor that writes with plain <c>write(2)</c>, at the descriptor's shared file
/// offset, as a shell's other commands do. A <see cref="FileStream"/> over a regular file writes with <c>pwrite</c> at
/// a position of its own and never moves the shared offset, so whatever the shell writes next to the same file
/// (<c>( echo a; pinger --dry-run; echo b ) &gt; f</c>, <c>&gt; f 2&gt;&amp;1</c>, a loop's redirection) would
/// overwrite the report.
/// </summary>
internal sealed class DescriptorOutputStream(SafeFileHandle descriptor) : Stream
{
    private const int Interrupted = 4; // EINTR
    private const int WouldBlock = 11; // EAGAIN: someone set O_NONBLOCK on a shared pipe
    private const int BrokenPipe = 32; // EPIPE
    private const short ReadyForWriting = 4; // POLLOUT

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => !descriptor.IsClosed;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var written = WriteOnce(descriptor, ref MemoryMarshal.GetReference(buffer), (nuint)buffer.Length);
            if (written >= 0)
            {
                buffer = buffer[(int)written..];
                continue;
            }

            var error = Marshal.GetLastPInvokeError();
            switch (error)
            {
                case Interrupted:
                    continue;
                case WouldBlock:
                    var wait = new PollRequest { Descriptor = (int)descriptor.DangerousGetHandle(), Events = ReadyForWriting };
                    _ = Poll(ref wait, 1, -1);
                    continue;
                case BrokenPipe:
                    throw new StandardOutputClosedException();
                default:
                    throw new IOException($"cannot write to standard output: {Marshal.GetPInvokeErrorMessage(error)}", error);
            }
        }
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override void Flush()
    {
        // Nothing is buffered here: every write went to the descriptor.
    }

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            descriptor.Dispose();
        }

        base.Dispose(disposing);
    }

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    private static extern nint WriteOnce(SafeFileHandle descriptor, ref byte buffer, nuint count);

    [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static extern int Poll(ref PollRequest request, nuint count, int timeoutMilliseconds);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollRequest
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }
}

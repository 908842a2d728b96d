using System;
using System.IO;

namespace Nhtrc.Cli;

/// <summary>I/O failures in words a hotline worker can act on, instead of a .NET type name or a bare system message.</summary>
internal static class IOErrors
{
    // An IOException's HResult is the errno on Unix (the same numbers on Linux and macOS) and 0x8007xxxx on Windows.
    private const int UnixNoSpace = 28; // ENOSPC
    private const int UnixBrokenPipe = 32; // EPIPE
    private const int WindowsDiskFull = unchecked((int)0x80070070); // ERROR_DISK_FULL
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027); // ERROR_HANDLE_DISK_FULL
    private const int WindowsBrokenPipe = unchecked((int)0x8007006D); // ERROR_BROKEN_PIPE
    private const int WindowsNoData = unchecked((int)0x800700E8); // ERROR_NO_DATA: the pipe is being closed

    /// <summary>
    /// <c>no space left on device</c>, <c>the output was closed (broken pipe)</c>, or else the system's message.
    /// </summary>
    public static string Describe(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.HResult switch
        {
            UnixNoSpace or WindowsDiskFull or WindowsHandleDiskFull when e is IOException => "no space left on device",
            UnixBrokenPipe or WindowsBrokenPipe or WindowsNoData when e is IOException => "the output was closed (broken pipe)",
            _ => e.Message,
        };
    }
}

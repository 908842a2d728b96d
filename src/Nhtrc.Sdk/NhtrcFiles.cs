using System;
using System.Collections.Concurrent;
using System.IO;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Nhtrc.Sdk;

/// <summary>
/// The files named in <see cref="NhtrcOptions"/>: a relative path resolves against the host's content root
/// (<see cref="IHostEnvironment.ContentRootPath"/>; without a host, the current directory when the container builds
/// this), and each file is read once, by whichever asks first (the startup validation), its result or its failure
/// kept for every later ask. Thread-safe.
/// </summary>
internal sealed class NhtrcFiles(IServiceProvider provider)
{
    private readonly ConcurrentDictionary<(string Kind, string Path), Lazy<object>> loaded = new();

    public string Root { get; } = provider.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();

    /// <summary>The full path of <paramref name="path"/>, relative paths taken from <see cref="Root"/>.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, Root);

    /// <summary>The file's content read with <paramref name="load"/>, once per kind and full path; a failure is thrown again on every call.</summary>
    public T Load<T>(string kind, string path, Func<string, T> load)
        where T : class =>
        (T)loaded.GetOrAdd((kind, Resolve(path)), static (key, load) => new Lazy<object>(() => load(key.Path)), load).Value;
}

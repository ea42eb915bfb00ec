using System.Diagnostics;
using System.Text;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>
/// `kg` as a real child process (the build of src/KnowledgeGraph.Cli in the same configuration as these tests), with
/// its output collected so a failing test can show it.
/// </summary>
internal sealed class KgProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private KgProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts `dotnet kg.dll ARGS` with the given environment added to this process's.</summary>
    public static KgProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add(KgDll());
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return new KgProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Ends the process at once, as a crash or `kill -9` would: no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>src/KnowledgeGraph.Cli/bin/CONFIG/TFM/kg.dll, CONFIG and TFM being those of this test build.</summary>
    private static string KgDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "KnowledgeGraph.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"no KnowledgeGraph.sln above {AppContext.BaseDirectory}");
        }

        var dll = Path.Combine(root.FullName, "src", "KnowledgeGraph.Cli", "bin", configuration, framework, "kg.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"kg is not built at {dll}", dll);
    }
}

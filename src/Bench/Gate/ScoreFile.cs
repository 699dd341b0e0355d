using System.Text.Json;
using IsuBench.Bench.Figures;

namespace IsuBench.Bench.Gate;

/// <summary>
/// Reads <c>pass</c>, <c>score</c> and <c>messages</c> from a result file: IsuBench's result.json or the original
/// bench's <c>{"pass","score","messages"}</c> output, so either can serve as a baseline; and when present the figures
/// to gate on (<c>gate_figures</c>, but those marked <c>"gated": false</c>) and the runs of <c>run --repeat</c>
/// (<c>repeat.runs</c>), each with its own; and whether the machine was crowded during a run (<c>cost.machine.crowded</c>
/// of a run's file, <c>crowded</c> of a repeated run).
/// </summary>
internal static class ScoreFile
{
    /// <summary>The largest file read; a result.json of a long run is a few MB.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="GateInputException">The file is not a result.</exception>
    public static async Task<ScoreRecord> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException($"{path} does not exist", path);
        if (info.Length > MaxBytes) throw new GateInputException($"{path} is larger than {MaxBytes / 1024 / 1024} MB; not a result file");
        await using var stream = info.OpenRead();
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            throw new GateInputException($"{path} is not JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new GateInputException($"{path} is not a result: expected a JSON object with \"pass\" and \"score\"");
            var record = Run(root, path, "");
            if (!root.TryGetProperty("repeat", out var repeat)) return record;
            if (repeat.ValueKind != JsonValueKind.Object || !repeat.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
                throw new GateInputException($"{path} is not a result: \"repeat\" must be an object with a \"runs\" array");
            if (runs.GetArrayLength() == 0)
                throw new GateInputException($"{path} is not a result: \"repeat.runs\" is empty");
            return record with
            {
                Runs = runs.EnumerateArray().Select((run, i) =>
                {
                    string where = $"repeat.runs[{i}].";
                    if (run.ValueKind != JsonValueKind.Object) throw new GateInputException($"{path} is not a result: \"{where[..^1]}\" is not an object");
                    return Run(run, path, where);
                }).ToList(),
            };
        }
    }

    // One run: the file's top level (prefix "") or an element of repeat.runs (prefix "repeat.runs[i].").
    private static ScoreRecord Run(JsonElement run, string path, string prefix)
    {
        if (!run.TryGetProperty("pass", out var pass) || pass.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            throw new GateInputException($"{path} is not a result: \"{prefix}pass\" (true or false) is missing");
        if (!run.TryGetProperty("score", out var score) || score.ValueKind != JsonValueKind.Number || !score.TryGetInt64(out long scoreValue))
            throw new GateInputException($"{path} is not a result: \"{prefix}score\" (an integer) is missing");
        var messages = new List<string>();
        if (run.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array)
            messages.AddRange(list.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!));
        string? runId = run.TryGetProperty("run_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        return new ScoreRecord(pass.GetBoolean(), scoreValue, messages)
        {
            RunId = prefix.Length > 0 ? runId : null,
            Source = path,
            GateFigures = run.TryGetProperty("gate_figures", out var figures) ? Figures(figures, path, prefix + "gate_figures") : null,
            Crowded = prefix.Length > 0 ? Text(run, "crowded") : Crowded(run),
        };
    }

    // A run's file says so in cost.machine.crowded.
    private static string? Crowded(JsonElement run) =>
        run.TryGetProperty("cost", out var cost) && cost.ValueKind == JsonValueKind.Object
        && cost.TryGetProperty("machine", out var machine) && machine.ValueKind == JsonValueKind.Object
            ? Text(machine, "crowded")
            : null;

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // "gate_figures": { "<name>": { "value": <number>, "better": "higher" | "lower" }, ... }
    private static List<GateFigure> Figures(JsonElement figures, string path, string where)
    {
        if (figures.ValueKind != JsonValueKind.Object)
            throw new GateInputException($"{path} is not a result: \"{where}\" must be an object of figures");
        var list = new List<GateFigure>();
        foreach (var figure in figures.EnumerateObject())
        {
            string name = $"{where}.{figure.Name}";
            // A number decimal can hold too, as the single-number comparison is done in decimal arithmetic.
            if (figure.Value.ValueKind != JsonValueKind.Object
                || !figure.Value.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Number
                || !value.TryGetDouble(out double number) || !double.IsFinite(number) || !value.TryGetDecimal(out _))
                throw new GateInputException($"{path} is not a result: \"{name}\" needs a \"value\" that is a number");
            // "gated": false marks a figure the workload reports but does not want gated.
            if (figure.Value.TryGetProperty("gated", out var gated) && gated.ValueKind == JsonValueKind.False) continue;
            var better = figure.Value.TryGetProperty("better", out var direction) && direction.ValueKind == JsonValueKind.String ? direction.GetString() : null;
            list.Add(better switch
            {
                "higher" => new GateFigure(figure.Name, number, BetterWhen.Higher),
                "lower" => new GateFigure(figure.Name, number, BetterWhen.Lower),
                _ => throw new GateInputException($"{path} is not a result: \"{name}\" needs \"better\": \"higher\" or \"lower\""),
            });
        }
        if (!figures.EnumerateObject().Any()) throw new GateInputException($"{path} is not a result: \"{where}\" names no figure");
        return list;
    }
}

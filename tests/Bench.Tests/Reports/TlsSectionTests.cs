using System.Text.Json.Nodes;
using IsuBench.Bench.Reports;
using IsuBench.Engine.Http;
using IsuBench.Tests.Bench.Infrastructure;
using NJsonSchema;

namespace IsuBench.Tests.Bench.Reports;

/// <summary>Which TLS stack served each https origin, as result.json, the terminal, summary.md and report.html say it.</summary>
public sealed class TlsSectionTests
{
    private static readonly TlsOriginUse Refused = new("https://127.0.0.1:8443", "platform", "TLS 1.2",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "the server refused TLS 1.3 (the server sent the TLS alert protocol_version (70))",
        Warning: null, OwnConnections: 0, PlatformConnections: 120);

    private static readonly TlsOriginUse Missing = new("https://127.0.0.2:443", "platform", "TLS 1.3", "TLS_AES_256_GCM_SHA384",
        "the bench's own TLS client cannot run here: libcrypto.so.3 not found",
        Warning: "the bench's own TLS client cannot run here: libcrypto.so.3 not found", OwnConnections: 0, PlatformConnections: 3);

    [Fact]
    public async Task Result_json_carries_the_choice_and_each_origin_valid_against_the_schema_and_read_back_alike()
    {
        var passing = SampleResults.Passing();
        var result = passing with { Tls = [Refused], Options = passing.Options with { Tls = TlsStackChoice.Own } };

        string json = ResultJson.Serialize(ResultDocument.From(result, "run-1", "9.9.9-test"));

        Assert.Empty((await JsonSchema.FromJsonAsync(ResultJson.Schema())).Validate(json));
        var node = JsonNode.Parse(json)!;
        Assert.Equal("own", (string?)node["options"]!["tls"]);
        var origin = node["tls"]![0]!;
        Assert.Equal(("platform", "TLS 1.2", 120L),
            ((string?)origin["stack"], (string?)origin["protocol"], (long)origin["platform_connections"]!));
        Assert.Equal([TlsOriginDocument.From(Refused)], ResultJson.Deserialize(json).Tls!);
    }

    [Fact]
    public void A_result_of_http_targets_or_of_before_the_option_has_no_tls_and_no_section()
    {
        var document = SampleResults.PassingDocument();
        var node = JsonNode.Parse(ResultJson.Serialize(document))!.AsObject();
        node["options"]!.AsObject().Remove("tls");

        var read = ResultJson.Deserialize(node.ToJsonString());

        Assert.Null(node["tls"]);
        Assert.Null(read.Tls);
        Assert.Null(read.Options.Tls);
        Assert.DoesNotContain("TLS", ConsoleSummary.Render(read), StringComparison.Ordinal);
        Assert.DoesNotContain("## TLS", MarkdownSummary.Render(read), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"tls\"", HtmlReport.Render(read), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_report_names_the_stack_protocol_and_reason_of_each_origin_and_warns_when_the_own_client_could_not_run()
    {
        var document = SampleResults.PassingDocument() with
        {
            Tls = [TlsOriginDocument.From(Refused), TlsOriginDocument.From(Missing)],
        };

        string console = ConsoleSummary.Render(document);
        string markdown = MarkdownSummary.Render(document);
        string html = HtmlReport.Render(document);

        Assert.Contains(
            "TLS https://127.0.0.1:8443: platform TLS 1.2 (TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256): the server refused TLS 1.3", console);
        Assert.Contains("warning: the bench's own TLS client cannot run here: libcrypto.so.3 not found", console);
        Assert.Contains("| https://127.0.0.1:8443 | platform | TLS 1.2 | TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 |", markdown);
        Assert.Contains("**Warning:** the bench's own TLS client cannot run here: libcrypto.so.3 not found", markdown);
        Assert.Contains("<table id=\"tls\">", html);
        Assert.Contains("<td>https://127.0.0.2:443</td><td>platform</td><td>TLS 1.3</td>", html);
        Assert.Contains(
            "<strong>Warning:</strong> the bench&#39;s own TLS client cannot run here: libcrypto.so.3 not found; the platform's TLS", html);
    }
}

using IsuBench.Checks.Documents;
using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Engine.Http;
using IsuBench.Scenarios.Api;

namespace IsuBench.Scenarios.Judging;

/// <summary>
/// The requests to ISUketch that the initial check and the load both make and judge: a page (its status, its document or its CSRF
/// token), a file's status, the room list, creating a room, posting a stroke. Each is sent through <see cref="IsuketchApi"/>, read by
/// the rules of one phase and judged once, together with the verdicts the caller adds (<see cref="AddedRules{T}"/>: the initial check
/// applies more rules than the load) and, when the reading failed, with the caller's own rule that fails with it (<see cref="FailsWith"/>).
/// The phases differ in how evidence reads: the initial check names a request by its path and shows what came instead of a 200, and
/// holds every JSON answer to the contract's fields (an IsuBench addition); the load names a request by its endpoint and shows the
/// status alone, so that its messages stay few, and checks no more than the original did.
/// </summary>
internal sealed class JudgedRequests(CheckPhase phase, Func<SessionResponse, IEnumerable<Verdict>, bool> judge)
{
    /// <summary>The requests of the load workloads, judged by the run's <paramref name="judge"/>.</summary>
    public static JudgedRequests ForLoad(Judge judge) => new(CheckPhase.Load, judge.Response);

    /// <summary>Awaits a page <paramref name="request"/>: status 200, then its document, judged with what <paramref name="rules"/> add.</summary>
    public async Task<Judged<HtmlDocument>> PageAsync(Task<SessionResponse> request, AddedRules<HtmlDocument>? rules = null, FailsWith? failed = null)
    {
        var response = await request;
        var label = Label(response);
        if (!response.Is(200))
        {
            judge(response, [Status200(response, label), .. Failing(failed, label, "the page (status 200)", ResponseText.Describe(response))]);
            return new(response, null, false);
        }
        var page = HtmlDocument.Parse(response.Text);
        return new(response, page, judge(response, [Status200(response, label), .. rules?.Invoke(page, response, label) ?? []]));
    }

    /// <summary>
    /// Awaits a page <paramref name="request"/> (no longer than <paramref name="cancellationToken"/> allows): status 200, then the
    /// <c>data-csrf-token</c> of its <c>&lt;html&gt;</c>, read from as little of the page as decides it.
    /// </summary>
    public async Task<Judged<string>> PageTokenAsync(Task<SessionResponse> request, FailsWith? failed = null, CancellationToken cancellationToken = default)
    {
        var response = await request.WaitAsync(cancellationToken);
        var label = Label(response);
        if (!response.Is(200))
        {
            judge(response, [Status200(response, label), .. Failing(failed, label, "the page (status 200)", ResponseText.Describe(response))]);
            return new(response, null, false);
        }
        var token = TokenRules.ReadPageToken(HtmlDocument.ReadCsrfToken(response.Text), label);
        if (!token.Ok)
        {
            judge(response, [token.Verdict, .. Failing(failed, label, "a page with a CSRF token", token.Verdict.Evidence.Actual)]);
            return new(response, null, false);
        }
        return new(response, token.Value, judge(response, [Status200(response, label), token.Verdict]));
    }

    /// <summary>True when the response answered 200 (static files and images: contents not checked, as the original).</summary>
    public async Task<bool> AnsweredOkAsync(Task<SessionResponse> request)
    {
        var response = await request;
        return judge(response, [Status200(response, Label(response))]);
    }

    /// <summary>GETs <c>/api/rooms</c>, which must hold exactly 100 rooms (the original's getRoomsAPI).</summary>
    public async Task<Judged<IReadOnlyList<ApiRoom>>> RoomListAsync(Session session, CancellationToken cancellationToken, FailsWith? failed = null)
    {
        var response = await IsuketchApi.RoomListAsync(session, cancellationToken);
        var label = Label(response);
        var list = RoomRules.ReadList(response.Status, ResponseText.Body(response), label, phase);
        if (!list.Ok)
        {
            judge(response, [list.Verdict, .. Failing(failed, label, "the room list", list.Verdict.Evidence.Actual)]);
            return new(response, null, false);
        }
        var rooms = list.Value!;
        return new(response, rooms,
            judge(response, [list.Verdict, .. Contract(list.Absent, ApiDocumentKind.RoomList, label), RoomRules.HasExactly100(rooms, label, phase)]));
    }

    /// <summary>Creates <paramref name="room"/> as the owner of <paramref name="token"/>.</summary>
    public async Task<Judged<ApiRoom>> CreateRoomAsync(
        Session session, string token, NewRoom room, CancellationToken cancellationToken, AddedRules<ApiRoom>? rules = null)
    {
        var response = await IsuketchApi.CreateRoomAsync(session, token, room, cancellationToken);
        var label = Label(response);
        var created = RoomRules.ReadCreated(response.Status, ResponseText.Body(response), label, phase);
        return Read(response, label, created, ApiDocumentKind.CreatedRoom, rules);
    }

    /// <summary>Posts <paramref name="stroke"/> into a room; the response's <see cref="SessionResponse.SentAt"/> is what the 2 s rule counts from.</summary>
    public async Task<Judged<ApiStroke>> PostStrokeAsync(
        Session session, string token, long roomId, StrokeShape stroke, CancellationToken cancellationToken, AddedRules<ApiStroke>? rules = null)
    {
        var response = await IsuketchApi.PostStrokeAsync(session, token, roomId, stroke, cancellationToken);
        var label = Label(response);
        var posted = StrokeRules.ReadPosted(response.Status, ResponseText.Body(response), label, phase);
        return Read(response, label, posted, ApiDocumentKind.Stroke, rules);
    }

    // A JSON answer: what could not be read is judged alone; what could, with the contract's fields and what the caller adds.
    private Judged<T> Read<T>(SessionResponse response, string label, Parsed<T> parsed, ApiDocumentKind document, AddedRules<T>? rules) where T : class
    {
        if (!parsed.Ok)
        {
            judge(response, [parsed.Verdict]);
            return new(response, null, false);
        }
        var value = parsed.Value!;
        return new(response, value,
            judge(response, [parsed.Verdict, .. Contract(parsed.Absent, document, label), .. rules?.Invoke(value, response, label) ?? []]));
    }

    // The initial check names the request by its path, so that the evidence says which room; the load by its endpoint, so
    // that its messages stay one per endpoint.
    private string Label(SessionResponse response) =>
        phase == CheckPhase.Initial ? $"{response.Method.Method} {response.Uri.AbsolutePath}" : response.Endpoint;

    // The initial check shows what came instead of a 200 (the body, or why none came); the load the status alone.
    private Verdict Status200(SessionResponse response, string label) =>
        phase == CheckPhase.Initial && !response.Is(200)
            ? ResponseText.StatusFailure(HttpRules.Status, response, 200, label)
            : HttpRules.StatusIs(200, response.Status, label);

    // The contract's fields are an IsuBench addition that the initial check holds every JSON answer to; the load, as the original, does not.
    private IEnumerable<Verdict> Contract(IReadOnlyList<string> absent, ApiDocumentKind document, string label) =>
        phase == CheckPhase.Initial ? [ContractRules.HasFields(absent, document, label)] : [];

    private static IEnumerable<Verdict> Failing(FailsWith? failed, string label, string expected, string actual) =>
        failed is null ? [] : [failed(label, expected, actual)];
}

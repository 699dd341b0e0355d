using System.Text;
using IsuBench.Reference.Profiles;

namespace IsuBench.Reference.Rendering;

/// <summary>Where <c>/img/{id}</c> gets a room's SVG document; a profile may cache it.</summary>
internal interface IRoomImages
{
    /// <summary>The room's SVG as UTF-8, or null when there is no such room.</summary>
    Task<byte[]?> GetSvgAsync(long roomId, CancellationToken cancellationToken);
}

/// <summary>Renders the SVG from the store on every request.</summary>
internal sealed class RenderedRoomImages(IIsuketchStore store) : IRoomImages
{
    /// <inheritdoc />
    public async Task<byte[]?> GetSvgAsync(long roomId, CancellationToken cancellationToken) =>
        await store.GetRoomAsync(roomId, cancellationToken) is { } room ? Encoding.UTF8.GetBytes(SvgImage.Render(room)) : null;
}

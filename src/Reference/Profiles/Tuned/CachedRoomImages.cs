using System.Text;
using IsuBench.Reference.Rendering;

namespace IsuBench.Reference.Profiles.Tuned;

/// <summary>
/// Room thumbnails rendered once per change of the room: the cached SVG is tagged with the newest stroke id it
/// shows, and a new stroke (which always has a higher id) makes the next request render it again.
/// </summary>
internal sealed class CachedRoomImages(RoomCache rooms, TunedStore store) : IRoomImages
{
    /// <inheritdoc />
    public async Task<byte[]?> GetSvgAsync(long roomId, CancellationToken cancellationToken)
    {
        if (rooms.Find(roomId) is not { } room) return null;
        if (room.Image is { } cached && cached.LastStrokeId == room.Snapshot.LastStrokeId) return cached.Svg;
        var history = await store.HistoryAsync(room, cancellationToken);
        var svg = Encoding.UTF8.GetBytes(SvgImage.Render(room.ToRoom(history, history.Count, 0)));
        room.Image = new RenderedImage(history.LastStrokeId, svg);
        return svg;
    }
}

using System.Collections;
using IsuBench.Reference.Domain;
using IsuBench.Reference.Json;

namespace IsuBench.Reference.Profiles.Tuned;

/// <summary>
/// An immutable view of a room's strokes in id order. Appending returns a new view that shares the backing array
/// while it has room: slots below an older view's count never change, so every view stays valid without copying.
/// Appends must be serialized (the room's write gate) and made to the newest view only.
/// </summary>
internal sealed class StrokeHistory : IEncodedStrokeList
{
    private readonly CachedStroke[] _items;

    /// <summary>A room without strokes.</summary>
    public static readonly StrokeHistory Empty = new([], 0);

    private StrokeHistory(CachedStroke[] items, int count)
    {
        _items = items;
        Count = count;
    }

    /// <summary>A history holding <paramref name="strokes"/>, which are in id order.</summary>
    public static StrokeHistory Of(IReadOnlyList<CachedStroke> strokes)
    {
        var items = new CachedStroke[Math.Max(4, strokes.Count + strokes.Count / 2)];
        for (var i = 0; i < strokes.Count; i++) items[i] = strokes[i];
        return new StrokeHistory(items, strokes.Count);
    }

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public Stroke this[int index] => At(index).Stroke;

    /// <summary>The cached stroke at <paramref name="index"/>.</summary>
    public CachedStroke At(int index) =>
        (uint)index < (uint)Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc />
    public ReadOnlySpan<byte> Utf8JsonAt(int index) => At(index).Utf8Json;

    /// <summary>The id of the newest stroke, or 0.</summary>
    public long LastStrokeId => Count == 0 ? 0 : _items[Count - 1].Stroke.Id;

    /// <summary>This history plus <paramref name="stroke"/>, whose id is above every id here.</summary>
    public StrokeHistory Append(CachedStroke stroke)
    {
        if (stroke.Stroke.Id <= LastStrokeId) throw new ArgumentException("strokes are appended in id order", nameof(stroke));
        var items = _items;
        if (Count == items.Length)
        {
            items = new CachedStroke[Math.Max(4, Count * 2)];
            Array.Copy(_items, items, Count);
        }
        items[Count] = stroke;
        return new StrokeHistory(items, Count + 1);
    }

    /// <summary>The index of the first stroke with id above <paramref name="strokeId"/> (Count when none).</summary>
    public int IndexAfter(long strokeId)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_items[middle].Stroke.Id <= strokeId) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    /// <inheritdoc />
    public IEnumerator<Stroke> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return _items[i].Stroke;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

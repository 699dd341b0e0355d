using System.IO.Pipelines;
using System.Text;
using IsuBench.Reference.DataSet;

namespace IsuBench.Tests.Reference.DataSet;

public sealed class TsvRowWriterTests
{
    private static async Task<string> Write(Action<TsvRowWriter> fields, int rows = 1)
    {
        var pipe = new Pipe();
        // Read while writing, as the loader does: the pipe pauses a writer that runs too far ahead.
        using var reader = new StreamReader(pipe.Reader.AsStream(), Encoding.UTF8);
        var text = reader.ReadToEndAsync();
        var writer = new TsvRowWriter(pipe.Writer);
        try
        {
            for (var i = 0; i < rows; i++)
            {
                fields(writer);
                await writer.EndRowAsync(CancellationToken.None);
            }
        }
        finally
        {
            await pipe.Writer.CompleteAsync();
        }
        return await text.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Fields_are_tab_separated_rows_newline_terminated_in_invariant_formats()
    {
        var text = await Write(w =>
        {
            w.Field(42L);
            w.Field(-1.5m);
            w.Field(330.1875m);
            w.Field(new DateTime(2016, 9, 22, 0, 0, 1, DateTimeKind.Utc).AddTicks(1234560));
            w.Field("ひたすら椅子を描く部屋【1】");
        });
        Assert.Equal("42\t-1.5\t330.1875\t2016-09-22 00:00:01.123456\tひたすら椅子を描く部屋【1】\n", text);
    }

    [Fact]
    public async Task Many_rows_pass_through_the_pipe_in_order()
    {
        var id = 0L;
        var text = await Write(w => { w.Field(++id); w.Field(id * 2); }, rows: 20_000);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(20_000, lines.Length);
        Assert.Equal("1\t2", lines[0]);
        Assert.Equal("20000\t40000", lines[^1]);
    }

    [Theory]
    [InlineData("a\tb")]
    [InlineData("a\nb")]
    [InlineData("a\\b")]
    public async Task Text_that_LOAD_DATA_would_need_escaped_is_refused(string value)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Write(w => w.Field(value)));
    }
}

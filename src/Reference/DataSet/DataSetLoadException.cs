namespace IsuBench.Reference.DataSet;

/// <summary>The data set cannot be loaded because of how the database is set up; the message says how to fix it.</summary>
public sealed class DataSetLoadException(string message) : Exception(message);

using System;
using System.Text;

namespace Nhtrc.Sdk.Text;

/// <summary>
/// The JSON path of the value being read, kept as a stack of segments (a property name, or an array
/// index) and formatted only when a problem is reported, so a valid document allocates no path at all.
/// </summary>
internal sealed class JsonPathStack
{
    private string?[] _names = new string?[16];
    private int[] _indices = new int[16];
    private int _depth;

    /// <summary>Adds the slot of an object's current property, named by <see cref="SetProperty"/>.</summary>
    public void EnterObject() => Push(null, -1);

    public void SetProperty(string? name) => _names[_depth - 1] = name;

    public void PushIndex(int index) => Push(null, index);

    /// <summary>Sets the index of the array item on top (pushed by <see cref="PushIndex"/>).</summary>
    public void SetIndex(int index) => _indices[_depth - 1] = index;

    /// <summary>How many segments the path has.</summary>
    public int Depth => _depth;

    public void Pop() => _depth--;

    /// <summary>The path, such as <c>$.organizations[3].services[0].area</c>, and a member of it when given.</summary>
    public string Format(string? member = null)
    {
        var path = new StringBuilder("$");
        for (var i = 0; i < _depth; i++)
        {
            if (_names[i] is { } name)
            {
                path.Append(DocumentFields.PropertyPath("", name));
            }
            else if (_indices[i] >= 0)
            {
                path.Append('[').Append(_indices[i]).Append(']');
            }
        }

        if (member is not null)
        {
            path.Append(DocumentFields.PropertyPath("", member));
        }

        return path.ToString();
    }

    private void Push(string? name, int index)
    {
        if (_depth == _names.Length)
        {
            Array.Resize(ref _names, _depth * 2);
            Array.Resize(ref _indices, _depth * 2);
        }

        _names[_depth] = name;
        _indices[_depth] = index;
        _depth++;
    }
}

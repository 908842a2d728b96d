using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.InteropServices;

namespace Nhtrc.Sdk.Geography;

/// <summary>
/// A k-d tree over the ZIP codes' unit vectors. Straight-line (chord) distance between unit vectors
/// grows with great-circle distance, so a box's nearest corner bounds the great-circle distance to
/// everything in it, and whole subtrees are skipped. Works anywhere on the globe, antimeridian and
/// poles included. Immutable after construction; queries are thread-safe.
/// </summary>
/// <remarks>
/// Bounds are compared as squared chords, which need no trigonometry: the k-th distance plus the margin
/// is turned into a chord once each time it changes. A ZIP code's haversine distance, the one reported,
/// is computed only when its chord could put it among the nearest.
/// </remarks>
internal sealed class NearestZipIndex
{
    private const int LeafSize = 8;

    // A subtree is skipped only when its lower bound exceeds the current k-th distance by this much.
    // Haversine rounding is worst near antipodal points, around 1e-4 km; a 1 km margin keeps the
    // result identical to a full scan while costing a few extra leaf visits at most.
    private const double PruneMarginKilometers = 1.0;

    private readonly ImmutableArray<ZipCodeInfo> _zips;
    private readonly int[] _ordinals;
    private readonly UnitVector[] _vectors;
    private readonly Node[] _nodes;

    /// <summary>Builds the tree over <paramref name="zips"/>, whose unit vectors are <paramref name="vectors"/>.</summary>
    /// <param name="zips">The ZIP codes, in ZIP order.</param>
    /// <param name="vectors">Each ZIP code's <see cref="UnitVector.From"/>, in the same order.</param>
    /// <param name="order">
    /// Empty to build the tree by splitting at medians; else the <see cref="TreeOrder"/> of a tree built so over the
    /// same ZIP codes, which gives the same tree without sorting. The boxes are computed from the vectors either
    /// way, so any permutation gives correct answers; a stored one gives the same tree, hence the same speed.
    /// </param>
    /// <exception cref="InvalidDataException"><paramref name="order"/> is not a permutation of the ZIP codes' positions.</exception>
    public NearestZipIndex(ImmutableArray<ZipCodeInfo> zips, UnitVector[] vectors, ReadOnlySpan<int> order)
    {
        _zips = zips;
        _ordinals = new int[zips.Length];
        var sort = order.IsEmpty;
        if (sort)
        {
            for (var i = 0; i < _ordinals.Length; i++)
            {
                _ordinals[i] = i;
            }
        }
        else
        {
            CopyPermutation(order, _ordinals);
        }

        _nodes = new Node[zips.Length > 0 ? NodeCount(zips.Length) : 0];
        var keys = sort ? new double[zips.Length] : null;
        if (zips.Length > 0)
        {
            var next = 0;
            Build(vectors, keys, 0, zips.Length, ref next);
        }

        // In tree order, so a leaf's vectors are read one after another.
        _vectors = new UnitVector[zips.Length];
        for (var i = 0; i < zips.Length; i++)
        {
            _vectors[i] = vectors[_ordinals[i]];
        }
    }

    /// <summary>The ZIP codes' positions in the order of the tree's leaves.</summary>
    public ReadOnlySpan<int> TreeOrder => _ordinals;

    /// <summary>The <paramref name="count"/> ZIP codes nearest <paramref name="point"/>, by distance then ZIP.</summary>
    public ImmutableArray<NearbyZip> Nearest(GeoPoint point, int count)
    {
        var k = Math.Min(count, _zips.Length);
        if (k == 0)
        {
            return [];
        }

        var best = new KNearest(k);
        Search(point, ref best);
        var found = new Candidate[best.Queue.Count];
        for (var i = found.Length - 1; i >= 0; i--)
        {
            best.Queue.TryDequeue(out _, out found[i]);
        }

        var result = new NearbyZip[found.Length];
        for (var i = 0; i < found.Length; i++)
        {
            result[i] = new NearbyZip(_zips[found[i].Ordinal], found[i].DistanceKilometers);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    /// <summary>
    /// The ZIP code <see cref="Nearest"/> with a count of 1 returns (nearest, then lowest ZIP), found by the
    /// same search without allocating; null, at NaN km, when there are no ZIP codes. Directory building asks
    /// this once per radius centre.
    /// </summary>
    public ZipCodeInfo? NearestOne(GeoPoint point, out double distanceKilometers)
    {
        var best = new OneNearest { Best = new Candidate(double.NaN, -1) };
        if (!_zips.IsEmpty)
        {
            Search(point, ref best);
        }

        distanceKilometers = best.Best.DistanceKilometers;
        return best.Best.Ordinal < 0 ? null : _zips[best.Best.Ordinal];
    }

    // Offers best every ZIP code that may be among the nearest, skipping subtrees that cannot be.
    private void Search<TBest>(GeoPoint point, ref TBest best)
        where TBest : struct, IBestSoFar
    {
        // Each level pops one node and pushes two, so the stack never holds more than the tree's depth
        // plus one; a median split of int.MaxValue ZIP codes into leaves of 8 is 29 levels deep.
        Span<int> pendingNodes = stackalloc int[64];
        Span<double> pendingBounds = stackalloc double[64];
        var query = UnitVector.From(point);
        var limit = double.PositiveInfinity;
        var pending = 1;
        pendingNodes[0] = 0;
        pendingBounds[0] = 0.0;
        while (pending > 0)
        {
            pending--;
            var node = _nodes[pendingNodes[pending]];
            if (pendingBounds[pending] > limit)
            {
                continue;
            }

            if (node.IsLeaf)
            {
                for (var i = node.Start; i < node.End; i++)
                {
                    if (ChordSquared(query, _vectors[i]) <= limit)
                    {
                        var ordinal = _ordinals[i];
                        if (best.Offer(new Candidate(GreatCircle.DistanceKilometers(point, _zips[ordinal].Location), ordinal)) && best.IsFull)
                        {
                            limit = ChordSquaredLimit(best.Worst.DistanceKilometers);
                        }
                    }
                }

                continue;
            }

            // Push the farther child first so the nearer one is searched first and tightens the bound.
            var leftBound = _nodes[node.Left].GapChordSquared(query);
            var rightBound = _nodes[node.Right].GapChordSquared(query);
            var (far, farBound, near, nearBound) = leftBound <= rightBound
                ? (node.Right, rightBound, node.Left, leftBound)
                : (node.Left, leftBound, node.Right, rightBound);
            pendingNodes[pending] = far;
            pendingBounds[pending++] = farBound;
            pendingNodes[pending] = near;
            pendingBounds[pending++] = nearBound;
        }
    }

    // The squared chord beyond which a point is further than worst plus the margin, so cannot be among the
    // nearest; infinite when that distance reaches half the circumference. The margin dwarfs rounding.
    private static double ChordSquaredLimit(double worstKilometers)
    {
        var halfAngle = (worstKilometers + PruneMarginKilometers) / (2 * GreatCircle.MeanEarthRadiusKilometers);
        if (halfAngle >= Math.PI / 2)
        {
            return double.PositiveInfinity;
        }

        var chord = 2 * Math.Sin(halfAngle);
        return chord * chord;
    }

    private static double ChordSquared(UnitVector a, UnitVector b)
    {
        var dx = a.X - b.X;
        var dy = a.Y - b.Y;
        var dz = a.Z - b.Z;
        return (dx * dx) + (dy * dy) + (dz * dz);
    }

    private static void CopyPermutation(ReadOnlySpan<int> order, int[] ordinals)
    {
        if (order.Length != ordinals.Length)
        {
            throw new InvalidDataException($"The tree order lists {order.Length} ZIP codes, not {ordinals.Length}.");
        }

        var seen = new bool[ordinals.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var ordinal = order[i];
            if ((uint)ordinal >= (uint)seen.Length || seen[ordinal])
            {
                throw new InvalidDataException("The tree order is not a permutation of the ZIP codes.");
            }

            seen[ordinal] = true;
            ordinals[i] = ordinal;
        }
    }

    // How many nodes Build makes for a run of count ZIP codes: the split depends on the count alone.
    private static int NodeCount(int count) =>
        count <= LeafSize ? 1 : 1 + NodeCount(count / 2) + NodeCount(count - (count / 2));

    // Splits [start, end) at its middle, recursively, down to leaves of LeafSize, numbering nodes in preorder from
    // next. With keys, the run is first sorted along the widest axis of its box (a median split); without,
    // _ordinals already holds such a tree's order.
    private int Build(UnitVector[] vectors, double[]? keys, int start, int end, ref int next)
    {
        Bounds(vectors, start, end, out var min, out var max);
        var index = next++;
        if (end - start <= LeafSize)
        {
            _nodes[index] = new Node(min, max, start, end, -1, -1);
            return index;
        }

        if (keys is not null)
        {
            // Split at the median of the widest axis.
            var dx = max.X - min.X;
            var dy = max.Y - min.Y;
            var dz = max.Z - min.Z;
            var axis = dx >= dy && dx >= dz ? 0 : dy >= dz ? 1 : 2;
            for (var i = start; i < end; i++)
            {
                var v = vectors[_ordinals[i]];
                keys[i] = axis == 0 ? v.X : axis == 1 ? v.Y : v.Z;
            }

            Array.Sort(keys, _ordinals, start, end - start);
        }

        var middle = start + ((end - start) / 2);
        var left = Build(vectors, keys, start, middle, ref next);
        var right = Build(vectors, keys, middle, end, ref next);
        _nodes[index] = new Node(min, max, start, end, left, right);
        return index;
    }

    private void Bounds(UnitVector[] vectors, int start, int end, out UnitVector min, out UnitVector max)
    {
        double minX = double.MaxValue, minY = double.MaxValue, minZ = double.MaxValue;
        double maxX = double.MinValue, maxY = double.MinValue, maxZ = double.MinValue;
        for (var i = start; i < end; i++)
        {
            var v = vectors[_ordinals[i]];
            minX = Math.Min(minX, v.X);
            minY = Math.Min(minY, v.Y);
            minZ = Math.Min(minZ, v.Z);
            maxX = Math.Max(maxX, v.X);
            maxY = Math.Max(maxY, v.Y);
            maxZ = Math.Max(maxZ, v.Z);
        }

        min = new UnitVector(minX, minY, minZ);
        max = new UnitVector(maxX, maxY, maxZ);
    }

    /// <summary>A subtree: a bounding box and its run of <c>_ordinals</c>; <c>Left</c> is -1 for a leaf.</summary>
    private readonly record struct Node(UnitVector Min, UnitVector Max, int Start, int End, int Left, int Right)
    {
        public bool IsLeaf => Left < 0;

        /// <summary>A squared chord no point in the box can be nearer than.</summary>
        public double GapChordSquared(UnitVector query)
        {
            var dx = Gap(query.X, Min.X, Max.X);
            var dy = Gap(query.Y, Min.Y, Max.Y);
            var dz = Gap(query.Z, Min.Z, Max.Z);
            return (dx * dx) + (dy * dy) + (dz * dz);
        }

        private static double Gap(double value, double min, double max) =>
            value < min ? min - value : value > max ? value - max : 0.0;
    }

    /// <summary>A ZIP's distance and its position in ZIP order, which breaks distance ties.</summary>
    private readonly record struct Candidate(double DistanceKilometers, int Ordinal);

    /// <summary>The candidates kept so far; offered a better one when full, it drops its worst.</summary>
    private interface IBestSoFar
    {
        bool IsFull { get; }

        Candidate Worst { get; }

        /// <summary>Keeps the candidate if it is among the best so far; true when it is kept.</summary>
        bool Offer(Candidate candidate);
    }

    /// <summary>The k best in a max-heap, worst on top.</summary>
    private readonly struct KNearest(int k) : IBestSoFar
    {
        public PriorityQueue<int, Candidate> Queue { get; } = new(k + 1, WorstFirst.Instance);

        public bool IsFull => Queue.Count == k;

        public Candidate Worst
        {
            get
            {
                Queue.TryPeek(out _, out var worst);
                return worst;
            }
        }

        public bool Offer(Candidate candidate)
        {
            if (Queue.Count < k)
            {
                Queue.Enqueue(candidate.Ordinal, candidate);
                return true;
            }

            if (WorstFirst.Instance.Compare(candidate, Worst) > 0)
            {
                Queue.DequeueEnqueue(candidate.Ordinal, candidate);
                return true;
            }

            return false;
        }
    }

    /// <summary>The single best; an ordinal of -1 until the first offer.</summary>
    private struct OneNearest : IBestSoFar
    {
        public Candidate Best;

        public readonly bool IsFull => Best.Ordinal >= 0;

        public readonly Candidate Worst => Best;

        public bool Offer(Candidate candidate)
        {
            if (Best.Ordinal < 0 || WorstFirst.Instance.Compare(candidate, Best) > 0)
            {
                Best = candidate;
                return true;
            }

            return false;
        }
    }

    /// <summary>Orders the worst candidate (farthest, then highest ZIP) first, making the queue a max-heap.</summary>
    private sealed class WorstFirst : IComparer<Candidate>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(Candidate x, Candidate y)
        {
            var byDistance = y.DistanceKilometers.CompareTo(x.DistanceKilometers);
            return byDistance != 0 ? byDistance : y.Ordinal.CompareTo(x.Ordinal);
        }
    }
}

using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Core.Careers;

/// <summary>Turns one person's affiliation edges into tenures, organization by organization.</summary>
public static class TenureBuilder
{
    private enum PointKind
    {
        Open,
        CloseSpan,
        Leave,
    }

    private sealed record Point(PointKind Kind, PartialDate? Date, GraphEdge Edge);

    public static IReadOnlyList<Tenure> Build(IEnumerable<GraphEdge> personEdges)
    {
        var result = new List<Tenure>();
        foreach (var group in personEdges.Where(e => e.Relation.IsAffiliation()).GroupBy(e => e.To))
        {
            var employment = group.Where(e => e.Relation != Relation.StudiedAt).ToList();
            if (employment.Count > 0)
            {
                result.AddRange(Sweep(employment, Relation.WorkedAt));
            }

            var study = group.Where(e => e.Relation == Relation.StudiedAt).ToList();
            if (study.Count > 0)
            {
                result.AddRange(Sweep(study, Relation.StudiedAt));
            }
        }

        return result.OrderBy(t => t.Start?.FirstDay ?? DateOnly.MinValue).ThenBy(t => t.OrganizationId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Walks the dated points of one organization in order. An open (WORKED_AT start, JOINED, FOUNDED) starts a
    /// tenure unless one is running; a LEFT closes it; a WORKED_AT end closes it only when no other span is running
    /// and nothing re-opens it before that end is over (titles held one after another are one tenure).
    /// </summary>
    private static List<Tenure> Sweep(List<GraphEdge> edges, Relation kind)
    {
        var points = new List<Point>();
        foreach (var edge in edges)
        {
            switch (edge.Relation)
            {
                case Relation.Left:
                    points.Add(new Point(PointKind.Leave, edge.Start, edge));
                    break;
                case Relation.Joined or Relation.Founded:
                    points.Add(new Point(PointKind.Open, edge.Start, edge));
                    break;
                default:
                    points.Add(new Point(PointKind.Open, edge.Start, edge));
                    if (edge.End is { } end)
                    {
                        points.Add(new Point(PointKind.CloseSpan, end, edge));
                    }

                    break;
            }
        }

        // Undated opens first and undated departures last (they cannot be placed: an undated LEFT still ends the
        // stay), then by date; at the same first day opens come before closes so "joined and left in 2021" is one
        // tenure, not a departure followed by an open stay.
        points.Sort((a, b) =>
        {
            if (a.Date is null || b.Date is null)
            {
                return UndatedRank(a).CompareTo(UndatedRank(b));
            }

            var byDay = a.Date.Value.FirstDay.CompareTo(b.Date.Value.FirstDay);
            if (byDay != 0)
            {
                return byDay;
            }

            var byKind = a.Kind.CompareTo(b.Kind);
            return byKind != 0 ? byKind : a.Date.Value.Precision.CompareTo(b.Date.Value.Precision);
        });

        var tenures = new List<Tenure>();
        Tenure? current = null;
        var running = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            switch (point.Kind)
            {
                case PointKind.Open:
                    if (current is null)
                    {
                        current = new Tenure(point.Edge.From, point.Edge.To, OpeningRelation(point.Edge.Relation, kind))
                        {
                            Start = point.Date,
                            Title = point.Edge.Relation is Relation.WorkedAt or Relation.StudiedAt ? point.Edge.Role : null,
                            Edges = [point.Edge],
                        };
                    }
                    else
                    {
                        current = current with
                        {
                            Start = RefineStart(current.Start, point.Date),
                            Title = point.Edge.Relation is Relation.WorkedAt or Relation.StudiedAt && point.Edge.Role is not null ? point.Edge.Role : current.Title,
                            Relation = current.Relation == Relation.Joined && point.Edge.Relation == Relation.WorkedAt ? Relation.WorkedAt : current.Relation,
                            Edges = [.. current.Edges, point.Edge],
                        };
                    }

                    if (point.Edge.Relation is Relation.WorkedAt or Relation.StudiedAt && point.Edge.End is not null)
                    {
                        running.Add(point.Edge.Id);
                    }

                    break;

                case PointKind.CloseSpan:
                    if (current is null && MoveBehindOpen(points, i, p => ReferenceEquals(p.Edge, point.Edge)))
                    {
                        i--;
                        break;
                    }

                    running.Remove(point.Edge.Id);

                    // A title that begins by the day after this one ends is the next title of the same tenure.
                    var reopened = i + 1 < points.Count
                        && points[i + 1].Kind == PointKind.Open
                        && points[i + 1].Date is { } next
                        && next.FirstDay.DayNumber <= point.Date!.Value.LastDay.DayNumber + 1;
                    var otherOpenSpan = current?.Edges.Any(e => e.Relation is Relation.WorkedAt or Relation.StudiedAt && e.End is null && e.Start is { } s && s.FirstDay <= point.Date!.Value.LastDay) ?? false;
                    if (current is not null && running.Count == 0 && !reopened && !otherOpenSpan)
                    {
                        tenures.Add(current with { End = point.Date });
                        current = null;
                    }
                    else if (current is null && tenures.Count > 0)
                    {
                        tenures[^1] = RefineEnd(tenures[^1], point);
                    }

                    break;

                case PointKind.Leave:
                    if (current is not null)
                    {
                        tenures.Add(current with { End = point.Date, Edges = [.. current.Edges, point.Edge] });
                        current = null;
                        running.Clear();
                    }
                    else if (tenures.Count > 0 && (point.Date is null || tenures[^1].End is not { } last || last.IsCompatibleWith(point.Date.Value)))
                    {
                        tenures[^1] = RefineEnd(tenures[^1], point);
                    }
                    else if (point.Date is { } leftOn && MoveBehindOpen(points, i, p => p.Date is { } d && leftOn.Contains(d)))
                    {
                        // "Joined 2021-03, left 2021": the departure sorts first by its first day but ends that stay.
                        i--;
                    }
                    else
                    {
                        // A departure with no known start: the person was there, since when is unknown.
                        tenures.Add(new Tenure(point.Edge.From, point.Edge.To, Relation.Left) { End = point.Date, Edges = [point.Edge] });
                    }

                    break;
            }
        }

        if (current is not null)
        {
            tenures.Add(current);
        }

        return tenures;
    }

    private static int UndatedRank(Point point) =>
        point.Date is not null ? 1 : point.Kind == PointKind.Leave ? 2 : 0;

    /// <summary>
    /// Moves a close that has nothing to close right behind the last later open it belongs to (a job "2021-03".."2021"
    /// sorts its end first). False when no such open follows.
    /// </summary>
    private static bool MoveBehindOpen(List<Point> points, int index, Predicate<Point> belongsTo)
    {
        var target = points.FindLastIndex(p => p.Kind == PointKind.Open && belongsTo(p));
        if (target <= index)
        {
            return false;
        }

        var point = points[index];
        points.RemoveAt(index);
        points.Insert(target, point);
        return true;
    }

    private static Relation OpeningRelation(Relation edgeRelation, Relation kind) =>
        kind == Relation.StudiedAt ? Relation.StudiedAt : edgeRelation;

    private static PartialDate? RefineStart(PartialDate? current, PartialDate? candidate)
    {
        if (current is null)
        {
            return candidate;
        }

        return candidate is { } c ? PartialDate.Refine(current.Value, c) ?? current : current;
    }

    private static Tenure RefineEnd(Tenure tenure, Point point)
    {
        var end = tenure.End is { } e && point.Date is { } d ? PartialDate.Refine(e, d) ?? e : tenure.End ?? point.Date;
        return tenure with { End = end, Edges = tenure.Edges.Contains(point.Edge) ? tenure.Edges : [.. tenure.Edges, point.Edge] };
    }
}

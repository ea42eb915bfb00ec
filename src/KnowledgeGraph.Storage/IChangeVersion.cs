namespace KnowledgeGraph.Storage;

/// <summary>
/// A store that can tell cheaply whether anything was committed since a previous look: the version grows with every
/// commit, by any process. Answers computed under one version stay valid while the version is the same, so a caller may
/// keep them. A store that cannot tell (Neo4j, or SQLite with the read cache off) returns null: keep nothing.
/// </summary>
public interface IChangeVersion
{
    long? ChangeVersion();
}

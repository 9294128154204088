// Every simple path (at most 10 hops) from the node $iri up to a national congress resolution,
// walking the edges queries/lineage_out.rq walks: a task or indicator to its document
// (SOURCE_DOCUMENT), used implementation links (never rejected; confirmed, stated, or
// proposed with confidence >= $minConfidence), citations, and resolved references both ways.
// Needs Neo4j 5.9+ (quantified path patterns). Returns each path's hops as [from, to] pairs.
MATCH (start:Node {iri: $iri})
MATCH p = (start) ((a)-[r]-(b) WHERE
    (type(r) = 'IMPLEMENTS' AND startNode(r) = a AND r.status <> 'rejected'
      AND (r.status = 'confirmed' OR r.method = 'stated' OR r.confidence >= $minConfidence))
    OR (type(r) = 'CITES' AND startNode(r) = a)
    OR (type(r) = 'SOURCE_DOCUMENT' AND startNode(r) = a AND (a:Task OR a:Indicator))
    OR type(r) = 'RESOLVES_TO'
  ){1,10} (goal:CongressResolution)
WHERE EXISTS { (goal)-[:JURISDICTION]->(:Nation) }
  AND NONE(n IN nodes(p)[1..-1] WHERE n:CongressResolution
           AND EXISTS { (n)-[:JURISDICTION]->(:Nation) })
  AND ALL(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
RETURN DISTINCT [i IN range(0, size(a) - 1) | [a[i].iri, b[i].iri]] AS hops
LIMIT 200

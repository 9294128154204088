// The programmes of the province of the commune $unit, each with the places it is
// restricted to and how many tasks or indicators of the commune's ingested documents
// implement it by a used link (never rejected; confirmed, stated, or proposed with
// confidence >= $minConfidence). Whether a restricted programme applies is decided by the
// caller with the same name rule as the SPARQL version.
MATCH (unit:Node {iri: $unit})-[:PART_OF]->(province:Province)
MATCH (programme:ProvincialProgramme)-[:JURISDICTION]->(province)
OPTIONAL MATCH (programme)-[:APPLIES_TO]->(place)
WITH unit, programme, collect(DISTINCT [place.iri, coalesce(place.label, place.iri)]) AS places
OPTIONAL MATCH (document)-[:JURISDICTION]->(unit)
  WHERE document.contentHash IS NOT NULL
OPTIONAL MATCH (item)-[:SOURCE_DOCUMENT]->(document)
OPTIONAL MATCH (item)-[r:IMPLEMENTS]->(programme)
  WHERE item.text IS NOT NULL AND r.status <> 'rejected'
    AND (r.status = 'confirmed' OR r.method = 'stated' OR r.confidence >= $minConfidence)
RETURN programme.iri AS programme, programme.outlinePath AS number,
       [pair IN places WHERE pair[0] IS NOT NULL] AS places,
       count(DISTINCT CASE WHEN r IS NULL THEN NULL ELSE item END) AS covering

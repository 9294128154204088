// The tasks and indicators the agency $name chairs or coordinates. $name is the agency's IRI
// or one of its names (preferred or alternative), compared without regard to case.
MATCH (agency:Agency)
WITH agency,
     [x IN (CASE WHEN agency.label IS :: LIST<STRING> THEN agency.label
                 ELSE [agency.label] END)
          + (CASE WHEN agency.altLabel IS :: LIST<STRING> THEN agency.altLabel
                  WHEN agency.altLabel IS NULL THEN [] ELSE [agency.altLabel] END)
      | toLower(x)] AS names
WHERE agency.iri = $name OR toLower($name) IN names
MATCH (item)-[role:CHAIRED_BY|COORDINATES_WITH]->(agency)
WHERE item:Task OR item:Indicator
RETURN agency.iri AS agency,
       CASE type(role) WHEN 'CHAIRED_BY' THEN 'chairs' ELSE 'coordinates' END AS role,
       item.iri AS item
ORDER BY agency, role, item

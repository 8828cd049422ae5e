-- A premise whose parent chain comes back to itself.
SELECT x._rec, 'PREMISE_CYCLE', 'parent_premise_no', x.parent_premise_no, 'parent_premise_no forms a cycle through premise ''' || x.premise_no || ''''
FROM legacy.premises x WHERE x._wave = $wave AND x.premise_no IN (
    WITH RECURSIVE up(start, cur, depth) AS (
        SELECT premise_no, parent_premise_no, 1 FROM legacy.premises WHERE _wave = $wave AND parent_premise_no IS NOT NULL
        UNION
        SELECT up.start, p.parent_premise_no, up.depth + 1 FROM up
        JOIN legacy.premises p ON p._wave = $wave AND p.premise_no = up.cur
        WHERE p.parent_premise_no IS NOT NULL AND up.cur <> up.start AND up.depth < 30
    )
    SELECT start FROM up WHERE cur = start
);

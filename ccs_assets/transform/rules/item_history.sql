-- item_history.csv rules that read other files. Each returns (rec, rule, column, value, message).
SELECT x._rec, 'SP_KIND_MISMATCH', 'sp_no', x.sp_no, 'service point ''' || x.sp_no || ''' is a METER service point: items go to ITEM service points'
FROM legacy.item_history x
JOIN (SELECT sp_no, any_value(sp_kind) AS sp_kind FROM legacy.service_points WHERE _wave = $wave GROUP BY sp_no) p ON p.sp_no = x.sp_no
WHERE x._wave = $wave AND p.sp_kind = 'METER';
SELECT _rec, 'DATE_ORDER', 'removed_on', CAST(removed_on AS VARCHAR),
       'removed_on ' || CAST(removed_on AS VARCHAR) || ' is before installed_on ' || CAST(installed_on AS VARCHAR)
FROM legacy.item_history WHERE _wave = $wave AND removed_on < installed_on;
SELECT x._rec, 'AFTER_CUTOVER', CASE WHEN x.installed_on > w.cutover_date THEN 'installed_on' ELSE 'removed_on' END,
       CAST(CASE WHEN x.installed_on > w.cutover_date THEN x.installed_on ELSE x.removed_on END AS VARCHAR),
       'dated after the cutover date ' || CAST(w.cutover_date AS VARCHAR) || ' of ' || w.wave || ', which owns this history'
FROM legacy.item_history x
JOIN wb.ownership o ON o.wave = $wave AND o.entity = 'item_history'
 AND o.legacy_key = coalesce(x.sp_no, '') || '/' || coalesce(x.item_no, '') || '/' || coalesce(CAST(x.installed_on AS VARCHAR), '')
JOIN legacy.waves w ON w._wave = $wave AND w.wave = o.owner_wave
WHERE x._wave = $wave AND (x.installed_on > w.cutover_date OR x.removed_on > w.cutover_date);

-- Transactional history of a CC&B source database (ccb_history.py runs it stage by stage).
-- ${schema}: the CC&B schema; ${seed}, ${months}: ints; ${first_month}: first day of the first billed month;
-- ${last_day}: last day of the history. Between stages ccb_history.py adds the 12-digit keys (column named
-- after the key) to the h_ relation the stage built. Pseudo-randomness is u(tag, key, n): a hash of the seed.

-- stage: base
CREATE OR REPLACE TEMP MACRO u(tag, k, n := 0) AS (hash(${seed}, tag, k, n) % 1000000) / 1000000.0;
-- an account's read date of billing month m (m = 0: the read before the first billed month)
CREATE OR REPLACE TEMP MACRO read_dt(cyc, m) AS
    CAST(CAST(DATE '${first_month}' + to_months(CAST(m AS INTEGER) - 1) AS DATE) + CAST(cyc AS INTEGER) AS DATE);
CREATE OR REPLACE TEMP MACRO money(x) AS CAST(round(x, 2) AS DECIMAL(15,2));

-- every billable SA with its account's cycle day, its SP's installed meter configuration and its tariff figures
CREATE OR REPLACE TEMP TABLE h_sa AS
WITH sp AS (SELECT SA_ID, min(SP_ID) AS SP_ID FROM ${schema}.CI_SA_SP GROUP BY SA_ID),
mh AS (SELECT SP_ID, min(MTR_CONFIG_ID) AS MTR_CONFIG_ID FROM ${schema}.CI_SP_MTR_HIST WHERE REMOVAL_DTTM IS NULL GROUP BY SP_ID)
SELECT sa.SA_ID, sa.ACCT_ID, sa.CHAR_PREM_ID AS PREM_ID, sa.CIS_DIVISION, sa.SA_TYPE_CD, sa.CURRENCY_CD,
       sa.START_DT AS sa_start, sa.END_DT AS sa_end, a.BILL_CYC_CD,
       CAST(floor(u('cycle', a.ACCT_ID) * 28) AS INTEGER) AS cyc,
       u('budget', sa.SA_ID) < 0.05 AS budget,
       sp.SP_ID, mh.MTR_CONFIG_ID, mc.MTR_ID,
       250 + floor(u('base', sa.SA_ID) * 900) AS base_use,
       money(10 + 5 * floor(u('svc', sa.SA_TYPE_CD) * 4)) AS svc_chg,
       0.10 + floor(u('rate', sa.SA_TYPE_CD) * 6) * 0.01 AS rate
FROM ${schema}.CI_SA sa
JOIN ${schema}.CI_ACCT a ON a.ACCT_ID = sa.ACCT_ID
LEFT JOIN sp ON sp.SA_ID = sa.SA_ID
LEFT JOIN mh ON mh.SP_ID = sp.SP_ID
LEFT JOIN ${schema}.CI_MTR_CONFIG mc ON mc.MTR_CONFIG_ID = mh.MTR_CONFIG_ID
WHERE trim(sa.SA_STATUS_FLG) NOT IN ('05', '10', '70');

-- (SA, billing month) while the SA is active; the period runs from the previous read to this month's read
CREATE OR REPLACE TEMP TABLE h_active AS
SELECT s.SA_ID, s.ACCT_ID, g.m, read_dt(s.cyc, g.m - 1) AS p_start, read_dt(s.cyc, g.m) AS p_end
FROM h_sa s JOIN range(1, ${months} + 1) g(m)
  ON s.sa_start <= read_dt(s.cyc, g.m) AND (s.sa_end IS NULL OR s.sa_end > read_dt(s.cyc, g.m - 1));

-- one bill per account and month with an active SA; ~2% of accounts have their last bill still pending
CREATE OR REPLACE TEMP TABLE h_bill AS
SELECT a.ACCT_ID, a.m, any_value(s.BILL_CYC_CD) AS BILL_CYC_CD, read_dt(any_value(s.cyc), a.m) + 1 AS bill_dt,
       (a.m = ${months} AND u('pending', a.ACCT_ID) < 0.02) AS pending
FROM h_active a JOIN h_sa s ON s.SA_ID = a.SA_ID
GROUP BY a.ACCT_ID, a.m;

-- a meter read of each metered SA's meter configuration every month, from the month before its first bill
CREATE OR REPLACE TEMP TABLE h_mr AS
WITH span AS (SELECT SA_ID, min(m) - 1 AS m0, max(m) AS m1 FROM h_active GROUP BY SA_ID)
SELECT s.SA_ID, s.MTR_CONFIG_ID, s.MTR_ID, s.base_use, g.m,
       CAST(read_dt(s.cyc, g.m) AS TIMESTAMP) + to_minutes(CAST(480 + floor(u('mrtime', s.SA_ID, g.m) * 600) AS INTEGER)) AS READ_DTTM
FROM h_sa s JOIN span ON span.SA_ID = s.SA_ID
JOIN range(0, ${months} + 1) g(m) ON g.m BETWEEN span.m0 AND span.m1
WHERE s.MTR_CONFIG_ID IS NOT NULL;

-- a register read per register of the meter; subtractive registers accumulate the month's use (seasonal,
-- split between the meter's subtractive registers) and roll over at their dial size; others read a peak
CREATE OR REPLACE TEMP TABLE h_rr AS
WITH r AS (
    SELECT g.REG_ID, g.MTR_ID, g.READ_SEQ, g.REG_CONST, g.NBR_OF_DGTS_LFT AS dl, g.UOM_CD, g.TOU_CD,
           trim(g.CONSUM_SUB_FLG) = 'S' AS subtractive,
           count(*) FILTER (WHERE trim(g.CONSUM_SUB_FLG) = 'S') OVER (PARTITION BY g.MTR_ID) AS n_sub
    FROM ${schema}.CI_REG g),
x AS (
    SELECT mr.SA_ID, mr.m, mr.READ_DTTM, r.REG_ID, r.READ_SEQ, r.REG_CONST, r.dl, r.UOM_CD, r.TOU_CD, r.subtractive,
           CASE WHEN mr.m = 0 OR NOT r.subtractive THEN 0
                ELSE round(mr.base_use * (1 + 0.25 * cos(2 * pi() * (month(mr.READ_DTTM) - 1) / 12))
                           * (0.8 + 0.4 * u('use', mr.SA_ID, mr.m * 1000 + r.READ_SEQ)) / greatest(r.n_sub, 1), 0) END AS use_m,
           floor(u('start', r.REG_ID) * least(power(10, greatest(r.dl, 1)), 1000000) / 2) AS start_reading,
           round(mr.base_use / 150 * (0.7 + 0.6 * u('peak', mr.SA_ID, mr.m * 1000 + r.READ_SEQ)), 2) AS peak
    FROM h_mr mr JOIN r ON r.MTR_ID = mr.MTR_ID)
SELECT SA_ID, m, READ_DTTM, REG_ID, READ_SEQ, REG_CONST, UOM_CD, TOU_CD, subtractive, use_m,
       CAST(CASE WHEN NOT subtractive THEN peak
                 WHEN dl BETWEEN 1 AND 12 THEN (start_reading + sum(use_m) OVER w) % power(10, dl)
                 ELSE start_reading + sum(use_m) OVER w END AS DECIMAL(18,6)) AS REG_READING
FROM x WINDOW w AS (PARTITION BY SA_ID, REG_ID ORDER BY m);
-- keys: h_bill BILL_ID (ACCT_ID, m); h_mr MR_ID (SA_ID, m); h_rr REG_READ_ID (SA_ID, m, READ_SEQ, REG_ID)

-- stage: segments
-- one segment per active SA and month; ~2% of frozen segments (billed on an estimate) are canceled on the next
-- bill and rebilled there (version 2, actual use); segments of a pending bill are freezable (30)
CREATE OR REPLACE TEMP TABLE h_seg AS
WITH q AS (SELECT SA_ID, m, sum(use_m * REG_CONST) AS qty FROM h_rr WHERE subtractive GROUP BY SA_ID, m),
a AS (
    SELECT a.SA_ID, a.ACCT_ID, a.m, a.p_start, a.p_end, s.PREM_ID, s.BILL_CYC_CD, s.budget, s.svc_chg, s.rate,
           s.MTR_CONFIG_ID IS NOT NULL AS metered, s.sa_start, s.sa_end, s.CURRENCY_CD, s.CIS_DIVISION, s.SP_ID,
           b.BILL_ID, b.bill_dt, b.pending, nb.BILL_ID AS next_bill_id, nb.bill_dt AS next_bill_dt,
           coalesce(nb.pending, TRUE) AS next_pending, coalesce(q.qty, 0) AS qty
    FROM h_active a JOIN h_sa s ON s.SA_ID = a.SA_ID
    JOIN h_bill b ON b.ACCT_ID = a.ACCT_ID AND b.m = a.m
    LEFT JOIN h_bill nb ON nb.ACCT_ID = a.ACCT_ID AND nb.m = a.m + 1
    LEFT JOIN q ON q.SA_ID = a.SA_ID AND q.m = a.m),
c AS (SELECT *, NOT pending AND NOT next_pending AND u('cancel', SA_ID, m) < 0.02 AS canceled FROM a),
v AS (
    SELECT c.*, 1 AS ver, CASE WHEN canceled THEN round(qty * (1.1 + 0.2 * u('estimate', SA_ID, m)), 0) ELSE qty END AS bqty,
           BILL_ID AS seg_bill_id, bill_dt AS seg_bill_dt FROM c
    UNION ALL
    SELECT c.*, 2 AS ver, qty AS bqty, next_bill_id AS seg_bill_id, next_bill_dt AS seg_bill_dt FROM c WHERE canceled),
l AS (
    SELECT v.*, svc_chg AS l1,
           CASE WHEN metered THEN money(bqty * rate) ELSE money(20 + floor(u('flat', SA_ID) * 40)) END AS l2
    FROM v)
SELECT l.*, money((l1 + l2) * 0.05) AS l3, l1 + l2 + money((l1 + l2) * 0.05) AS amt,
       greatest(sa_start, p_start) AS seg_start,
       CASE WHEN sa_end IS NOT NULL AND sa_end <= p_end THEN sa_end ELSE p_end END AS seg_end,
       (sa_end IS NOT NULL AND sa_end <= p_end) AS closing,
       CASE WHEN ver = 2 THEN '50' WHEN pending THEN '30' WHEN canceled THEN '60' ELSE '50' END AS status
FROM l;
-- keys: h_seg BSEG_ID (SA_ID, m, ver)

-- stage: payments
-- budget SAs: the FT's current amount is the SA's budget installment, its payoff the actual charge
CREATE OR REPLACE TEMP TABLE h_seg2 AS
SELECT s.*, CASE WHEN budget THEN money(round(avg(amt) FILTER (WHERE ver = 1) OVER (PARTITION BY SA_ID), 0)) ELSE amt END AS cur_amt
FROM h_seg s;
DROP TABLE h_seg;
ALTER TABLE h_seg2 RENAME TO h_seg;

-- what each complete bill asks of each SA: its segments' current amounts, less the segments it cancels
CREATE OR REPLACE TEMP TABLE h_charge AS
SELECT ACCT_ID, m, SA_ID, sum(c) AS charge FROM (
    SELECT ACCT_ID, CASE WHEN ver = 2 THEN m + 1 ELSE m END AS m, SA_ID, cur_amt AS c FROM h_seg WHERE status <> '30'
    UNION ALL
    SELECT ACCT_ID, m + 1, SA_ID, -cur_amt FROM h_seg WHERE ver = 1 AND canceled) x
GROUP BY ACCT_ID, m, SA_ID;

-- one payment (event, tender, payment) per complete bill: ~4% unpaid, ~5% half paid, ~1% returned (NSF)
CREATE OR REPLACE TEMP TABLE h_pay AS
WITH b AS (
    SELECT b.ACCT_ID, b.m, b.bill_dt, u('pay', b.ACCT_ID, b.m) AS behaviour,
           b.bill_dt + CAST(5 + floor(u('paydt', b.ACCT_ID, b.m) * 18) AS INTEGER) AS pay_dt
    FROM h_bill b WHERE NOT b.pending)
SELECT b.ACCT_ID, b.m, b.pay_dt, b.behaviour < 0.09 AS partial,
       u('nsf', b.ACCT_ID, b.m) < 0.01 AND b.pay_dt + 7 <= DATE '${last_day}' AS canceled
FROM b LEFT JOIN (SELECT DISTINCT ACCT_ID, m FROM h_charge WHERE charge > 0) dc ON dc.ACCT_ID = b.ACCT_ID AND dc.m = b.m
WHERE b.behaviour >= 0.04 AND b.pay_dt <= DATE '${last_day}' AND dc.ACCT_ID IS NOT NULL;

-- adjustments: a late fee on the first charged SA of an unpaid bill, ~1% courtesy credits (a tenth canceled)
CREATE OR REPLACE TEMP TABLE h_adj AS
SELECT * FROM (
    SELECT min(c.SA_ID) AS SA_ID, c.m, 'LATEFEE' AS ADJ_TYPE_CD, money(5) AS ADJ_AMT, any_value(b.bill_dt) + 22 AS adj_dt,
           FALSE AS canceled
    FROM h_charge c JOIN h_bill b ON b.ACCT_ID = c.ACCT_ID AND b.m = c.m
    WHERE c.charge > 0 AND NOT b.pending AND u('pay', c.ACCT_ID, c.m) < 0.04
    GROUP BY c.ACCT_ID, c.m
    UNION ALL
    SELECT a.SA_ID, a.m, 'CRCOUR', money(-10), a.p_end - 5,
           u('adjcan', a.SA_ID, a.m) < 0.1 AND a.p_end - 5 + 3 <= DATE '${last_day}'
    FROM h_active a WHERE u('courtesy', a.SA_ID, a.m) < 0.01) x
WHERE adj_dt <= DATE '${last_day}';
-- keys: h_pay PAY_EVENT_ID, PAY_TENDER_ID, PAY_ID (ACCT_ID, m); h_adj ADJ_ID (SA_ID, m, ADJ_TYPE_CD)

-- stage: pay_segments
CREATE OR REPLACE TEMP TABLE h_pay_seg AS
SELECT p.ACCT_ID, p.m, p.PAY_ID, p.pay_dt, p.canceled, c.SA_ID,
       CASE WHEN p.partial THEN money(c.charge * 0.5) ELSE c.charge END AS PAY_SEG_AMT
FROM h_pay p JOIN h_charge c ON c.ACCT_ID = p.ACCT_ID AND c.m = p.m AND c.charge > 0;
-- keys: h_pay_seg PAY_SEG_ID (ACCT_ID, m, SA_ID)

-- stage: fts
-- one FT per frozen or freezable segment (BS), canceled segment (BX), pay segment (PS), canceled pay segment (PX),
-- adjustment (AD) and canceled adjustment (AX); a payment's or adjustment's FT goes on the account's next complete bill
CREATE OR REPLACE TEMP TABLE h_ft AS
WITH bills AS (SELECT ACCT_ID, BILL_ID, bill_dt FROM h_bill WHERE NOT pending),
other AS (
    SELECT 'PS' AS FT_TYPE_FLG, ps.SA_ID, ps.ACCT_ID, ps.PAY_ID AS PARENT_ID, ps.PAY_SEG_ID AS SIBLING_ID,
           -ps.PAY_SEG_AMT AS CUR_AMT, -ps.PAY_SEG_AMT AS TOT_AMT, ps.pay_dt AS ft_dt
    FROM h_pay_seg ps
    UNION ALL
    SELECT 'PX', ps.SA_ID, ps.ACCT_ID, ps.PAY_ID, ps.PAY_SEG_ID, ps.PAY_SEG_AMT, ps.PAY_SEG_AMT, ps.pay_dt + 7
    FROM h_pay_seg ps WHERE ps.canceled
    UNION ALL
    SELECT 'AD', j.SA_ID, s.ACCT_ID, j.ADJ_TYPE_CD, j.ADJ_ID, j.ADJ_AMT, j.ADJ_AMT, j.adj_dt
    FROM h_adj j JOIN h_sa s ON s.SA_ID = j.SA_ID
    UNION ALL
    SELECT 'AX', j.SA_ID, s.ACCT_ID, j.ADJ_TYPE_CD, j.ADJ_ID, -j.ADJ_AMT, -j.ADJ_AMT, j.adj_dt + 3
    FROM h_adj j JOIN h_sa s ON s.SA_ID = j.SA_ID WHERE j.canceled),
other_billed AS (
    SELECT o.*, b.BILL_ID, TRUE AS frozen, o.ft_dt AS ars
    FROM other o ASOF LEFT JOIN bills b ON b.ACCT_ID = o.ACCT_ID AND b.bill_dt >= o.ft_dt),
segs AS (
    SELECT 'BS' AS FT_TYPE_FLG, SA_ID, ACCT_ID, seg_bill_id AS PARENT_ID, BSEG_ID AS SIBLING_ID, cur_amt AS CUR_AMT,
           amt AS TOT_AMT, seg_bill_dt AS ft_dt, seg_bill_id AS BILL_ID, status <> '30' AS frozen, seg_end AS ars
    FROM h_seg
    UNION ALL
    SELECT 'BX', SA_ID, ACCT_ID, next_bill_id, BSEG_ID, -cur_amt, -amt, next_bill_dt, next_bill_id, TRUE, next_bill_dt
    FROM h_seg WHERE ver = 1 AND canceled)
SELECT f.FT_TYPE_FLG, f.SA_ID, f.ACCT_ID, f.PARENT_ID, f.SIBLING_ID, f.CUR_AMT, f.TOT_AMT, f.ft_dt, f.BILL_ID, f.frozen,
       f.ars, s.CIS_DIVISION, s.CURRENCY_CD
FROM (SELECT FT_TYPE_FLG, SA_ID, ACCT_ID, PARENT_ID, SIBLING_ID, CUR_AMT, TOT_AMT, ft_dt, BILL_ID, frozen, ars FROM segs
      UNION ALL
      SELECT FT_TYPE_FLG, SA_ID, ACCT_ID, PARENT_ID, SIBLING_ID, CUR_AMT, TOT_AMT, ft_dt, BILL_ID, frozen, ars FROM other_billed) f
JOIN h_sa s ON s.SA_ID = f.SA_ID;
-- keys: h_ft FT_ID (FT_TYPE_FLG, SIBLING_ID)

-- stage: output
-- calculation lines of each segment: service charge, energy (or flat) charge, tax
CREATE OR REPLACE TEMP TABLE h_calc_ln AS
SELECT s.BSEG_ID, n.SEQNO, CASE n.SEQNO WHEN 1 THEN s.l1 WHEN 2 THEN s.l2 ELSE s.l3 END AS CALC_LN_AMT,
       CASE n.SEQNO WHEN 1 THEN 'REV-SVC' WHEN 2 THEN CASE WHEN s.metered THEN 'REV-ENRG' ELSE 'REV-FLAT' END ELSE 'TAX-ST' END AS DST_ID,
       CASE n.SEQNO WHEN 1 THEN 'Service charge' WHEN 2 THEN CASE WHEN s.metered THEN 'Energy charge' ELSE 'Flat charge' END
            ELSE 'State tax' END AS DESCR_ON_BILL,
       s.CURRENCY_CD
FROM h_seg s JOIN range(1, 4) n(SEQNO) ON TRUE;

-- GL lines of every frozen FT with a payoff: the receivable (TOT_AMT) and what balances it, netting to zero
CREATE OR REPLACE TEMP TABLE h_ft_gl AS
SELECT FT_ID, 1 AS GL_SEQ_NBR, 'AR' AS DST_ID, TOT_AMT AS AMOUNT, CIS_DIVISION
FROM h_ft WHERE frozen AND TOT_AMT <> 0
UNION ALL
SELECT f.FT_ID, 1 + l.SEQNO, l.DST_ID, CASE WHEN f.FT_TYPE_FLG = 'BS' THEN -l.CALC_LN_AMT ELSE l.CALC_LN_AMT END, f.CIS_DIVISION
FROM h_ft f JOIN h_calc_ln l ON l.BSEG_ID = f.SIBLING_ID
WHERE f.FT_TYPE_FLG IN ('BS', 'BX') AND f.frozen AND f.TOT_AMT <> 0
UNION ALL
SELECT FT_ID, 2, CASE WHEN FT_TYPE_FLG IN ('PS', 'PX') THEN 'CASH' WHEN PARENT_ID = 'LATEFEE' THEN 'REV-LATE' ELSE 'CR-COUR' END,
       -TOT_AMT, CIS_DIVISION
FROM h_ft WHERE FT_TYPE_FLG NOT IN ('BS', 'BX') AND frozen AND TOT_AMT <> 0;

-- each SA's balances after each complete bill: its frozen FTs on this and the account's earlier bills
CREATE OR REPLACE TEMP TABLE h_bill_sa AS
WITH per AS (
    SELECT f.BILL_ID, f.SA_ID, any_value(f.CURRENCY_CD) AS CURRENCY_CD,
           sum(CASE WHEN f.frozen THEN f.CUR_AMT ELSE 0 END) AS cur, sum(CASE WHEN f.frozen THEN f.TOT_AMT ELSE 0 END) AS tot
    FROM h_ft f WHERE f.BILL_ID IS NOT NULL GROUP BY f.BILL_ID, f.SA_ID)
SELECT p.BILL_ID, p.SA_ID, p.CURRENCY_CD,
       CAST(sum(p.cur) OVER w AS DECIMAL(15,2)) AS CUR_AMT, CAST(sum(p.tot) OVER w AS DECIMAL(15,2)) AS TOT_AMT
FROM per p JOIN h_bill b ON b.BILL_ID = p.BILL_ID
WHERE NOT b.pending
WINDOW w AS (PARTITION BY p.SA_ID ORDER BY b.bill_dt, p.BILL_ID);

-- the source's own deposit and tender controls: one of each per month (not migrated: production gets its own)
CREATE OR REPLACE TEMP TABLE h_ctl AS
SELECT m, CAST(DATE '${first_month}' + to_months(CAST(m AS INTEGER) - 1) AS DATE) AS ctl_dt FROM range(1, ${months} + 1) g(m);
-- keys: h_ctl DEP_CTL_ID, TNDR_CTL_ID (m), 10 digits

-- stage: tables
-- one view per catalog table, with exactly its columns (ccb_history.py inserts them in load order)
CREATE OR REPLACE TEMP VIEW o_CI_MR AS
SELECT MR_ID, MTR_CONFIG_ID, READ_DTTM, 'ROUTE' AS MR_SOURCE_CD, ' ' AS MTR_READER_ID, 'Y' AS USE_ON_BILL_SW, 1 AS VERSION,
       CAST(READ_DTTM AS DATE) AS ILM_DT, 'N' AS ILM_ARCH_SW
FROM h_mr;

CREATE OR REPLACE TEMP VIEW o_CI_REG_READ AS
SELECT r.REG_READ_ID, mr.MR_ID, r.READ_SEQ, r.REG_ID, '70' AS READ_TYPE_FLG, r.REG_READING,
       CAST(0 AS DECIMAL(18,6)) AS LO_LIMIT, CAST(0 AS DECIMAL(18,6)) AS HI_LIMIT, 'N' AS REVIEW_HILO_SW, 'N' AS TRENDED_SW, 1 AS VERSION
FROM h_rr r JOIN h_mr mr ON mr.SA_ID = r.SA_ID AND mr.m = r.m;

CREATE OR REPLACE TEMP VIEW o_CI_BILL AS
SELECT BILL_ID, ACCT_ID, CASE WHEN pending THEN 'P ' ELSE 'C ' END AS BILL_STAT_FLG, bill_dt AS BILL_DT,
       CASE WHEN pending THEN NULL ELSE bill_dt + 21 END AS DUE_DT, CAST(bill_dt AS TIMESTAMP) + INTERVAL 2 HOUR AS CRE_DTTM,
       CASE WHEN pending THEN NULL ELSE CAST(bill_dt AS TIMESTAMP) + INTERVAL 150 MINUTE END AS COMPLETE_DTTM,
       BILL_CYC_CD, bill_dt - 1 AS WIN_START_DT, ' ' AS CR_NOTE_FR_BILL_ID, bill_dt AS ILM_DT, 'N' AS ILM_ARCH_SW, 1 AS VERSION
FROM h_bill;

CREATE OR REPLACE TEMP VIEW o_CI_BILL_SA AS
SELECT BILL_ID, SA_ID, CUR_AMT, TOT_AMT, CURRENCY_CD, 1 AS VERSION FROM h_bill_sa;

CREATE OR REPLACE TEMP VIEW o_CI_BSEG AS
SELECT s.BSEG_ID, s.seg_bill_id AS BILL_ID, s.SA_ID, coalesce(s.PREM_ID, ' ') AS PREM_ID, s.seg_start AS START_DT,
       s.seg_end AS END_DT, s.BILL_CYC_CD, CASE WHEN s.ver = 1 AND s.canceled THEN 'Y' ELSE 'N' END AS EST_SW,
       CASE WHEN s.closing THEN 'Y' ELSE 'N' END AS CLOSING_BSEG_SW, s.status AS BSEG_STAT_FLG,
       CASE WHEN s.status = '60' THEN 'EST' ELSE ' ' END AS CAN_RSN_CD,
       CASE WHEN s.ver = 2 THEN o.BSEG_ID ELSE ' ' END AS CAN_BSEG_ID,
       CASE WHEN s.ver = 1 AND s.canceled THEN o.BSEG_ID ELSE ' ' END AS REBILL_SEG_ID,
       CAST(s.seg_bill_dt AS TIMESTAMP) + INTERVAL 2 HOUR AS CRE_DTTM,
       CAST(CASE WHEN s.status = '60' THEN s.next_bill_dt ELSE s.seg_bill_dt END AS TIMESTAMP) + INTERVAL 2 HOUR AS STAT_CHG_DTTM,
       s.seg_bill_dt AS ILM_DT, 'N' AS ILM_ARCH_SW, 1 AS VERSION
FROM h_seg s LEFT JOIN h_seg o ON s.canceled AND o.SA_ID = s.SA_ID AND o.m = s.m AND o.ver = 3 - s.ver;

CREATE OR REPLACE TEMP VIEW o_CI_BSEG_CALC AS
SELECT s.BSEG_ID, 1 AS HEADER_SEQ, s.seg_start AS START_DT, s.seg_end AS END_DT, a.SA_TYPE_CD AS RS_CD,
       DATE '2020-01-01' AS EFFDT, ' ' AS BILLABLE_CHG_ID, s.amt AS CALC_AMT, s.CURRENCY_CD, 1 AS VERSION
FROM h_seg s JOIN h_sa a ON a.SA_ID = s.SA_ID;

CREATE OR REPLACE TEMP VIEW o_CI_BSEG_CALC_LN AS
SELECT BSEG_ID, 1 AS HEADER_SEQ, SEQNO, CALC_LN_AMT, DST_ID, 'Y' AS PRT_SW, 'N' AS APP_IN_SUMM_SW, 'N' AS MSR_PEAK_QTY_SW,
       DESCR_ON_BILL, CURRENCY_CD, 1 AS VERSION
FROM h_calc_ln;

CREATE OR REPLACE TEMP VIEW o_CI_BSEG_READ AS
SELECT s.BSEG_ID, s.SP_ID, row_number() OVER (PARTITION BY s.BSEG_ID ORDER BY e.READ_SEQ, e.REG_ID) AS SEQ, e.REG_ID,
       b.REG_READ_ID AS START_REG_READ_ID, b.READ_DTTM AS START_READ_DTTM, b.REG_READING AS START_REG_READING,
       e.REG_READ_ID AS END_REG_READ_ID, e.READ_DTTM AS END_READ_DTTM, e.REG_READING AS END_REG_READING, e.REG_CONST,
       CAST(CASE WHEN e.subtractive THEN e.use_m * e.REG_CONST ELSE e.REG_READING END AS DECIMAL(18,6)) AS MSR_QTY,
       e.UOM_CD, e.TOU_CD,
       CAST(CASE WHEN NOT e.subtractive THEN e.REG_READING
                 WHEN s.qty = 0 THEN 0 ELSE round(e.use_m * e.REG_CONST * s.bqty / s.qty, 6) END AS DECIMAL(18,6)) AS FINAL_REG_QTY,
       '+' AS USAGE_FLG, 1 AS VERSION
FROM h_seg s
JOIN h_rr e ON e.SA_ID = s.SA_ID AND e.m = s.m
JOIN h_rr b ON b.SA_ID = s.SA_ID AND b.m = s.m - 1 AND b.REG_ID = e.REG_ID;

CREATE OR REPLACE TEMP VIEW o_CI_ADJ AS
SELECT j.ADJ_ID, j.SA_ID, j.ADJ_TYPE_CD, CASE WHEN j.canceled THEN '60' ELSE '50' END AS ADJ_STATUS_FLG, j.ADJ_AMT,
       s.CURRENCY_CD, j.adj_dt AS CRE_DT, CASE WHEN j.canceled THEN 'ERR' ELSE ' ' END AS CAN_RSN_CD, ' ' AS XFER_ADJ_ID,
       j.adj_dt AS ILM_DT, 'N' AS ILM_ARCH_SW, 1 AS VERSION
FROM h_adj j JOIN h_sa s ON s.SA_ID = j.SA_ID;

CREATE OR REPLACE TEMP TABLE h_pay_amt AS
SELECT p.*, a.CURRENCY_CD, t.PAY_AMT, t.PAY_AMT AS TENDER_AMT,
       CASE CAST(floor(u('tender', p.ACCT_ID, p.m) * 4) AS INTEGER) WHEN 0 THEN 'CASH' WHEN 1 THEN 'CHEC' WHEN 2 THEN 'ACH' ELSE 'CC' END
           AS TENDER_TYPE_CD
FROM h_pay p JOIN ${schema}.CI_ACCT a ON a.ACCT_ID = p.ACCT_ID
JOIN (SELECT PAY_ID, sum(PAY_SEG_AMT) AS PAY_AMT FROM h_pay_seg GROUP BY PAY_ID) t ON t.PAY_ID = p.PAY_ID;

CREATE OR REPLACE TEMP VIEW o_CI_PAY_EVENT AS
SELECT PAY_EVENT_ID, pay_dt AS PAY_DT, CAST(pay_dt AS TIMESTAMP) + INTERVAL 10 HOUR AS CRE_DTTM, ' ' AS DOC_ID,
       pay_dt AS ILM_DT, 'N' AS ILM_ARCH_SW, 1 AS VERSION
FROM h_pay_amt;

CREATE OR REPLACE TEMP VIEW o_CI_PAY_TNDR AS
SELECT p.PAY_TENDER_ID, p.PAY_EVENT_ID, c.TNDR_CTL_ID, p.ACCT_ID AS PAYOR_ACCT_ID, p.TENDER_TYPE_CD, p.TENDER_AMT, p.CURRENCY_CD,
       CASE WHEN p.canceled THEN '60' ELSE '25' END AS TNDR_STATUS_FLG,
       CASE WHEN p.TENDER_TYPE_CD = 'CHEC' THEN CAST(100000 + floor(u('check', p.ACCT_ID, p.m) * 899999) AS VARCHAR) ELSE ' ' END AS CHECK_NBR,
       ' ' AS MICR_ID, CASE WHEN p.canceled THEN 'NSF' ELSE ' ' END AS CAN_RSN_CD, 1 AS VERSION
FROM h_pay_amt p JOIN h_ctl c ON c.m = p.m;

CREATE OR REPLACE TEMP VIEW o_CI_PAY AS
SELECT PAY_ID, PAY_EVENT_ID, ACCT_ID, CASE WHEN canceled THEN '60' ELSE '50' END AS PAY_STATUS_FLG, PAY_AMT, CURRENCY_CD,
       CASE WHEN canceled THEN 'NSF' ELSE ' ' END AS CAN_RSN_CD, ' ' AS MATCH_TYPE_CD, ' ' AS MATCH_VAL,
       pay_dt AS ILM_DT, 'N' AS ILM_ARCH_SW, 1 AS VERSION
FROM h_pay_amt;

CREATE OR REPLACE TEMP VIEW o_CI_PAY_SEG AS
SELECT ps.PAY_SEG_ID, ps.PAY_ID, ps.SA_ID, ps.PAY_SEG_AMT, s.CURRENCY_CD, ' ' AS ADJ_ID, ' ' AS MATCH_EVT_ID, 1 AS VERSION
FROM h_pay_seg ps JOIN h_sa s ON s.SA_ID = ps.SA_ID;

CREATE OR REPLACE TEMP VIEW o_CI_FT AS
SELECT FT_ID, SA_ID, PARENT_ID, SIBLING_ID, FT_TYPE_FLG, CUR_AMT, TOT_AMT, CURRENCY_CD, coalesce(BILL_ID, ' ') AS BILL_ID,
       ft_dt AS ACCOUNTING_DT, ars AS ARS_DT, CASE WHEN BILL_ID IS NULL THEN 'Y' ELSE 'N' END AS SHOW_ON_BILL_SW,
       'Y' AS XFERRED_OUT_SW, CIS_DIVISION AS GL_DIVISION, CIS_DIVISION, CAST(ft_dt AS TIMESTAMP) + INTERVAL 3 HOUR AS CRE_DTTM,
       CASE WHEN frozen THEN 'Y' ELSE 'N' END AS FREEZE_SW,
       CASE WHEN frozen THEN CAST(ft_dt AS TIMESTAMP) + INTERVAL 3 HOUR END AS FREEZE_DTTM,
       'N' AS CORRECTION_SW, 'N' AS REDUNDANT_SW, 'N' AS NEW_DEBIT_SW, 'N' AS NOT_IN_ARS_SW,
       CASE WHEN frozen THEN 'D' ELSE 'N' END AS GL_DISTRIB_STATUS, CAST(NULL AS DATE) AS SCHED_DISTRIB_DT,
       ' ' AS BAL_CTL_GRP_ID, ' ' AS MATCH_EVT_ID, 1 AS VERSION
FROM h_ft;

CREATE OR REPLACE TEMP VIEW o_CI_FT_GL AS
SELECT FT_ID, GL_SEQ_NBR, DST_ID, AMOUNT, 'GL-' || DST_ID || '-' || trim(CIS_DIVISION) AS GL_ACCT,
       CAST(0 AS DECIMAL(18,6)) AS STATISTIC_AMOUNT, 'N' AS TOT_AMT_SW, 1 AS VERSION
FROM h_ft_gl;

CREATE OR REPLACE TEMP VIEW o_CI_DEP_CTL AS
SELECT c.DEP_CTL_ID, 'LB' AS TNDR_SRCE_TYPE_FLG, '30' AS DEP_CTL_STATUS_FLG,
       CAST(c.ctl_dt + to_months(1) AS TIMESTAMP) AS BALANCED_DTTM, coalesce(t.total, 0) AS END_BALANCE,
       (SELECT min(CURRENCY_CD) FROM ${schema}.CI_ACCT) AS CURRENCY_CD, CAST(c.ctl_dt AS TIMESTAMP) AS CRE_DTTM, 1 AS VERSION
FROM h_ctl c LEFT JOIN (SELECT m, CAST(sum(TENDER_AMT) AS DECIMAL(15,2)) AS total FROM h_pay_amt GROUP BY m) t ON t.m = c.m;

CREATE OR REPLACE TEMP VIEW o_CI_TNDR_CTL AS
SELECT c.TNDR_CTL_ID, c.DEP_CTL_ID, 'LOCKBOX' AS TNDR_SOURCE_CD, '30' AS TNDR_CTL_ST_FLG, d.END_BALANCE, d.CURRENCY_CD,
       d.CRE_DTTM, 1 AS VERSION
FROM h_ctl c JOIN o_CI_DEP_CTL d ON d.DEP_CTL_ID = c.DEP_CTL_ID;

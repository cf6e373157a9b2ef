-- The monthly live ARR bridge, Total Users and Upsell Users as a data team would write it in a
-- warehouse (the dbt "MRR playbook" style): a customer × product × month-end snapshot grid, then
-- month-over-month classification. Exact: money is HUGEINT micro-units, every division rounds
-- half-even, as SPEC §3.3 says. ${subscriptions}, ${plans} and ${fx} are file paths.
--
-- It computes what Upshift computes for these figures, for input that is valid (it validates
-- nothing) and has the generated files' columns: starting and ending ARR, newLogo, reactivation,
-- churn, the expansion and contraction totals (upsell, add-on and cross-sell are lumped together:
-- their split needs tier ranks, which only change the labels, not the totals), the seat waterfall
-- and Upsell Users. The price–volume split prices seat changes at the old unit price, so that a
-- product's change splits into positive and negative parts exactly as Upshift's does.

CREATE OR REPLACE MACRO div_half_even(n, d) AS
  sign(n) * ((abs(n) // d) + CASE WHEN 2 * (abs(n) % d) > d
      OR (2 * (abs(n) % d) = d AND (abs(n) // d) % 2 = 1) THEN 1 ELSE 0 END);

CREATE OR REPLACE TEMP TABLE fx AS
SELECT upper(trim(currency)) AS currency,
       CAST(replace(trim(rate), '.', '') AS HUGEINT) AS rate_unscaled,
       CASE WHEN strpos(trim(rate), '.') > 0 THEN length(trim(rate)) - strpos(trim(rate), '.')
            ELSE 0 END AS rate_scale
FROM read_csv('${fx}', header = true, all_varchar = true);

-- One row per phase of a subscription line, with its ARR in micro-units.
CREATE OR REPLACE TEMP TABLE phases AS
WITH cells AS (
  SELECT trim(customer_id) AS customer_id,
         coalesce(nullif(trim(product), ''), 'default') AS product,
         nullif(trim(line_id), '') AS line_cell,
         coalesce(CAST(nullif(trim(seats), '') AS BIGINT), 0) AS seats,
         nullif(trim(arr), '') AS arr_cell,
         nullif(trim(mrr), '') AS mrr_cell,
         nullif(trim(amount), '') AS amount_cell,
         lower(trim(billing_period)) AS billing_period,
         nullif(upper(trim(currency)), '') AS currency,
         CAST(trim(start_date) AS DATE) AS start_date,
         CAST(nullif(trim(end_date), '') AS DATE) AS end_date,
         coalesce(nullif(lower(trim(status)), ''), 'active') AS status,
         coalesce(nullif(lower(trim(kind)), ''), 'recurring') AS kind
  FROM read_csv('${subscriptions}', header = true, all_varchar = true)
), priced AS (
  SELECT c.*, coalesce(c.line_cell, c.product) AS line_id,
         CAST(CAST(coalesce(arr_cell, mrr_cell, amount_cell) AS DECIMAL(38, 6)) * 1000000 AS HUGEINT)
             AS price_micros,
         CASE WHEN arr_cell IS NOT NULL THEN 12
              WHEN mrr_cell IS NOT NULL THEN 1
              WHEN billing_period IN ('month', 'p1m') THEN 1
              WHEN billing_period IN ('quarter', 'p3m') THEN 3
              WHEN billing_period IN ('half_year', 'p6m') THEN 6
              WHEN billing_period IN ('year', 'p1y') THEN 12
              WHEN billing_period IN ('two_years', 'p2y') THEN 24
              WHEN billing_period IN ('three_years', 'p3y') THEN 36 END AS months,
         coalesce(fx.rate_unscaled, 1) AS rate_unscaled,
         coalesce(fx.rate_scale, 0) AS rate_scale
  FROM cells c LEFT JOIN fx ON fx.currency = c.currency
  WHERE c.kind NOT IN ('overage', 'one_time')
)
SELECT customer_id, line_id, product, seats, start_date, end_date,
       div_half_even(price_micros * 12 * rate_unscaled,
                     CAST(months AS HUGEINT) * CAST(pow(10, rate_scale) AS HUGEINT)) AS arr_micros,
       status = 'active' AND kind IN ('recurring', 'committed_usage') AS billable_kind
FROM priced;

-- Live book: an open-ended phase runs until the next phase of its line starts.
CREATE OR REPLACE TEMP TABLE spans AS
SELECT customer_id, product, seats, arr_micros, start_date,
       coalesce(end_date, lead(start_date) OVER (PARTITION BY customer_id, line_id
                                                 ORDER BY start_date)) AS end_exclusive,
       billable_kind AND arr_micros > 0 AS billable
FROM phases;

CREATE OR REPLACE TEMP TABLE first_active AS
SELECT customer_id, min(start_date) AS first_active FROM spans WHERE billable GROUP BY ALL;

-- Month ends from the one before the first reported month to the last reported month.
CREATE OR REPLACE TEMP TABLE month_ends AS
WITH range_of AS (
  SELECT date_trunc('month', min(start_date)) AS first_month,
         date_trunc('month', max(greatest(start_date, coalesce(end_date, start_date)))) AS last_month
  FROM phases
)
SELECT CAST(row_number() OVER (ORDER BY m) - 1 AS INTEGER) AS mi,
       CAST(last_day(m) AS DATE) AS month_end
FROM range_of, range(first_month - INTERVAL 1 MONTH, last_month + INTERVAL 1 MONTH,
                     INTERVAL 1 MONTH) AS t(m);

-- The snapshot grid: each product's ARR and seats at each month end.
CREATE OR REPLACE TEMP TABLE product_month AS
SELECT s.customer_id, s.product, me.mi, sum(s.arr_micros) AS arr, sum(s.seats) AS seats
FROM spans s JOIN month_ends me
  ON s.start_date <= me.month_end AND (s.end_exclusive IS NULL OR me.month_end < s.end_exclusive)
WHERE s.billable
GROUP BY ALL;

CREATE OR REPLACE TEMP TABLE customer_month AS
SELECT customer_id, mi, sum(arr) AS arr, sum(seats) AS seats FROM product_month GROUP BY ALL;

-- Month over month, per customer.
CREATE OR REPLACE TEMP TABLE customer_moves AS
SELECT coalesce(c1.customer_id, c0.customer_id) AS customer_id,
       coalesce(c1.mi, c0.mi + 1) AS mi,
       coalesce(c0.arr, 0) AS a0, coalesce(c1.arr, 0) AS a1,
       coalesce(c0.seats, 0) AS u0, coalesce(c1.seats, 0) AS u1
FROM customer_month c1 FULL OUTER JOIN customer_month c0
  ON c0.customer_id = c1.customer_id AND c0.mi = c1.mi - 1;

-- Month over month, per product of customers active at both ends: the price–volume split.
CREATE OR REPLACE TEMP TABLE product_moves AS
WITH pairs AS (
  SELECT coalesce(p1.customer_id, p0.customer_id) AS customer_id,
         coalesce(p1.mi, p0.mi + 1) AS mi,
         coalesce(p0.arr, 0) AS a0, coalesce(p1.arr, 0) AS a1,
         coalesce(p0.seats, 0) AS s0, coalesce(p1.seats, 0) AS s1
  FROM product_month p1 FULL OUTER JOIN product_month p0
    ON p0.customer_id = p1.customer_id AND p0.product = p1.product AND p0.mi = p1.mi - 1
), split AS (
  SELECT p.*, CASE WHEN p.a0 > 0 AND p.a1 > 0 AND p.s0 > 0
                   THEN div_half_even(CAST(p.s1 - p.s0 AS HUGEINT) * p.a0, p.s0) ELSE 0 END AS seat_effect
  FROM pairs p JOIN customer_moves c USING (customer_id, mi)
  WHERE c.a0 > 0 AND c.a1 > 0
)
SELECT mi,
       sum(CASE WHEN a0 = 0 THEN a1
                WHEN a1 = 0 THEN 0
                ELSE greatest(seat_effect, 0) + greatest(a1 - a0 - seat_effect, 0) END) AS expansion,
       sum(CASE WHEN a1 = 0 THEN -a0
                WHEN a0 = 0 THEN 0
                ELSE least(seat_effect, 0) + least(a1 - a0 - seat_effect, 0) END) AS contraction
FROM split GROUP BY ALL;

SELECT strftime(me.month_end, '%Y-%m') AS month,
       coalesce(sum(c.a0), 0) AS starting,
       coalesce(sum(c.a1) FILTER (WHERE c.a0 = 0 AND c.a1 > 0 AND f.first_active > prev.month_end), 0) AS new_logo,
       coalesce(sum(c.a1) FILTER (WHERE c.a0 = 0 AND c.a1 > 0 AND f.first_active <= prev.month_end), 0) AS reactivation,
       coalesce(any_value(pm.expansion), 0) AS expansion,
       coalesce(any_value(pm.contraction), 0) AS contraction,
       coalesce(-sum(c.a0) FILTER (WHERE c.a0 > 0 AND c.a1 = 0), 0) AS churn,
       coalesce(sum(c.a1), 0) AS ending,
       coalesce(sum(c.u0), 0) AS seats_starting,
       coalesce(sum(c.u1) FILTER (WHERE c.u0 = 0 AND c.u1 > 0), 0) AS seats_new,
       coalesce(sum(c.u1 - c.u0) FILTER (WHERE c.u1 > c.u0 AND c.u0 > 0), 0) AS seats_expansion,
       coalesce(-sum(c.u0) FILTER (WHERE c.u0 > 0 AND c.u1 = 0), 0) AS seats_churned,
       coalesce(-sum(c.u0 - c.u1) FILTER (WHERE c.u1 > 0 AND c.u1 < c.u0), 0) AS seats_downgraded,
       coalesce(sum(c.u1), 0) AS seats_ending,
       count(*) FILTER (WHERE c.u1 > c.u0 AND c.u0 > 0) AS upsell_users
FROM month_ends me
JOIN month_ends prev ON prev.mi = me.mi - 1
LEFT JOIN customer_moves c ON c.mi = me.mi
LEFT JOIN first_active f ON f.customer_id = c.customer_id
LEFT JOIN product_moves pm ON pm.mi = me.mi
GROUP BY me.month_end
ORDER BY me.month_end;

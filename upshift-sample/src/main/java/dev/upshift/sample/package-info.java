/**
 * A deterministic generator of realistic sample datasets: {@link
 * dev.upshift.sample.SampleGenerator} writes {@code subscriptions.csv}, {@code customers.csv},
 * {@code plans.csv}, {@code health.csv}, {@code targets.csv} and {@code fx.csv} in the SPEC §1
 * formats, for demos, tests and benchmarks. The data is meant to exercise every input feature and
 * every movement of §4 while looking like a plausible SaaS book; it is not a forecast of anything.
 *
 * <h2>Determinism and speed</h2>
 * Every draw comes from a {@link java.util.SplittableRandom} per customer, seeded from the run's
 * seed and the customer's index through a 64-bit mix; nothing reads the clock, and only lists are
 * iterated. So the same options give byte-identical files, and a customer's rows depend only on
 * the options and its own index, never on other customers' draws. Customers are simulated one at a time and their rows streamed out
 * through buffers of about 64 KB, so memory does not grow with the number of customers.
 *
 * <h2>Customers</h2>
 * <ul>
 *   <li><b>Arrivals.</b> 20% of the customers are the installed base, migrated on the first day of
 *       the window (with a hidden prior tenure of 0–36 months, which drives their behaviour). The
 *       rest arrive month by month at a rate that doubles over the window. Ids {@code C000001}, …
 *       follow arrival order.
 *   <li><b>Profile.</b> Channel {@code self_serve} 45%, {@code sales} 40%, {@code partner} 15%.
 *       Region NA 45%, EMEA 30%, APAC 17%, LATAM 8%; EMEA customers pay in EUR (55%), GBP (30%)
 *       or USD. Discounts: none self-serve, 0–20% sales, 10–20% partner. Names are made-up; some
 *       hold a comma, a quote or non-ASCII letters, so they exercise RFC 4180 quoting and UTF-8.
 *   <li><b>Health.</b> A baseline drawn around 70 (σ 12; +3 sales, −2 self-serve) and a monthly
 *       mean-reverting walk (σ 6); a score is written in 88% of the months the customer is active
 *       or suspended, dated in the first five days of the month. Health drives churn and expansion
 *       below, so the two correlate with it.
 * </ul>
 *
 * <h2>Products and prices</h2>
 * <table>
 *   <caption>Catalog (annual USD list prices)</caption>
 *   <tr><th>product</th><th>priced</th><th>plans (tier)</th><th>tier from</th></tr>
 *   <tr><td>platform</td><td>per seat</td><td>Starter 120, Standard 300, Premium 540,
 *       Enterprise 900</td><td>plans.csv</td></tr>
 *   <tr><td>analytics</td><td>per seat</td><td>Analytics Basic 96, Analytics Pro 180</td>
 *       <td>plans.csv</td></tr>
 *   <tr><td>security</td><td>flat</td><td>Security 4,800, Security Plus 9,600</td>
 *       <td>plans.csv</td></tr>
 *   <tr><td>storage</td><td>flat</td><td>S-100 1,200, S-500 3,600, S-2000 9,600</td>
 *       <td>the row's {@code tier} column only</td></tr>
 *   <tr><td>support</td><td>flat</td><td>Business Support 2,400, Premier Support 7,200</td>
 *       <td>nowhere: direction inferred from the plan change (§4.2)</td></tr>
 *   <tr><td>api</td><td>flat, {@code committed_usage}</td><td>API Commit, 6,000 per commit unit</td>
 *       <td>plans.csv</td></tr>
 * </table>
 * Local prices are the USD list × 0.92 (EUR) or × 0.79 (GBP); {@code fx.csv} converts back at
 * 1.08 and 1.27 (and lists USD at 1). Annual unit prices are whole multiples of 12, so {@code mrr}
 * and every {@code amount} period up to two years are exact. Three-year terms are quoted at about
 * 95% of three years, ending in 9, so their ARR ({@code amount / 3}) needs the §3.3 rounding.
 * Price forms follow the channel: self-serve mostly {@code mrr} and {@code amount}/{@code month};
 * sales mostly {@code arr} and yearly amounts with some quarterly and multi-year terms; partner
 * mostly quarterly and half-yearly amounts. Both the names and the ISO spellings of periods
 * ({@code year}, {@code P1Y}, …) appear.
 *
 * <h2>Input styles</h2>
 * Per customer, as if exported from different systems: a change log of open-ended rows (50%);
 * closed phases whose {@code end_date} is the next phase's start (32%); a billing export with one
 * closed row per monthly or quarterly billing period (18%). Independently, 30% of customers are
 * written "CRM style", with every default spelled out ({@code line_id}, {@code tier} from
 * plans.csv, {@code seats} 0, {@code currency USD}, {@code signed_date}, {@code status active},
 * {@code kind recurring}); the others leave defaults blank. Phases of a line never overlap: each
 * new phase starts after the previous one, and an explicit end is never after the next start.
 *
 * <h2>Start of a customer</h2>
 * <ul>
 *   <li>45% of self-serve new logos start with a free 14- or 30-day {@code trial}; 30% of those
 *       never convert (the trial row ends and nothing follows).
 *   <li>60% of sales and partner new logos sign 7–45 days before they start.
 *   <li>18% of sales new logos sign a <b>ramp</b>: one to three further steps 6 or 12 months apart,
 *       seats × 1.25–1.6 per step, the last step one tier up half the time, all signed on the
 *       first day; the customer cannot cancel before the last step.
 *   <li>4% of sales customers have a second platform line ({@code line_id platform-2}).
 *   <li>Add-ons at the start (self-serve / sales / partner): analytics 6/30/15%, security
 *       3/25/15%, storage 6/12/10%, support 0/25/20%, api 3/15/8%. One analytics start in five
 *       begins with a free quarter (an active phase at price 0, then the paid phase, signed
 *       together).
 *   <li>An onboarding fee ({@code one_time}, product {@code services}) for 50% of sales and 30% of
 *       partner customers.
 * </ul>
 *
 * <h2>Each month</h2>
 * <ul>
 *   <li><b>Churn</b> with probability 7% / 3.5% / 1.5% / 0.6% for health below 45 / 60 / 75 /
 *       above, × 1.3 self-serve, × 0.55 sales, × 0.85 partner (about 1.5–2.5% of logos a month).
 *       60% of contract customers give notice 30–90 days ahead ({@code cancel_signed_date}). 12%
 *       of churned customers come back 3–12 months later (reactivation); 30% of the other contract
 *       churners keep a {@code read_only} phase for 30–90 days.
 *   <li><b>Suspension</b>: 0.5% of self-serve customers a month fail to pay; every line gets a
 *       {@code suspended} phase, and the next month 60% resume and 40% end.
 *   <li><b>Expansion</b> with probability 0.8% / 2% / 4.5% / 3% at tenure 0–2 / 3–6 / 7–24 / 25+
 *       months, × (health / 70)³ bounded to 0.15–2.2: more seats 35%, a tier upgrade 30%, a
 *       cross-sell 25% (for sales customers one in ten is a second platform line), a larger API
 *       commitment 10% (a price-only increase).
 *   <li><b>Contraction</b> with probability 1.2% × 2.5 / 1.2 / 0.6 for health below 60 / 75 /
 *       above: fewer seats 50%, a tier downgrade 20%, dropping an add-on 30% (a third with
 *       notice).
 *   <li>8% of self-serve customers adjust seats by 1–3 (half up, half down).
 *   <li><b>Anniversaries</b>: every line starts a new term; 30% at a 3/5/7/10% uplift (for
 *       contract customers one in ten at a 5–10% discount instead), 6% switch billing form; 8% of
 *       add-ons below their top plan move up a plan, 10% of those above the lowest move down.
 *   <li>API customers are billed {@code overage} in 60% of months (rows with no end date).
 * </ul>
 * Changes are dated on a random day of the month. 12% of seat increases are <b>backdated</b>
 * (signed 3–25 days after they start) and 15% are signed 5–30 days ahead; a change signed ahead is
 * never signed before the current phase started, which would make it a ramp step.
 *
 * <h2>Other files</h2>
 * {@code plans.csv} ranks platform, analytics, security and api only. {@code targets.csv} holds
 * {@code upsellRate} targets for every year (40) and quarter (14.5) of the window, cumulative
 * quarter-to-date targets for its last six months (5.5, 10, 14.5), and quarterly targets (12) for
 * the segment {@code channel=sales}.
 *
 * <h2>What comes out</h2>
 * Over 36 months about 7 subscription rows and 13 health scores per customer; every start and end
 * date lies inside the window, so a report's default range is the window. Measured on 5,000
 * customers: logo churn about 1.7% a month, 7–9% of active customers expanding each month under
 * the default {@code expansion} definition (price uplifts included; tier upgrades alone about 1%),
 * NRR about 101% a year.
 */
package dev.upshift.sample;

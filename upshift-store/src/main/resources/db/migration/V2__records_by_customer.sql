-- Upshift store, schema 2: records can be found by the customer they belong to.
-- The service checks a batch of phases against the phases already stored for the same customers
-- (SPEC §8.3: overlapping phases of one line), and a batch of customers against the customers
-- stored, without reading the whole workspace: it looks them up by this column.
-- customer_id is the record's customer_id field, trimmed, for the kinds found by customer (phases,
-- customers); NULL for the others, which the partial index leaves out (health has millions of rows
-- that are never looked up by customer).

ALTER TABLE records ADD COLUMN customer_id VARCHAR(1024);

-- Records stored before this migration get theirs from their content.
-- (SQL's TRIM removes spaces only, Java's strip() all white space: rows stored from now on are
-- trimmed by the store in Java; older ones had no other white space around a customer id.)
UPDATE records SET customer_id = ${customer_id_of_content} WHERE kind IN ('phases', 'customers');

CREATE INDEX records_by_customer ON records (workspace_id, kind, customer_id)
  WHERE customer_id IS NOT NULL;

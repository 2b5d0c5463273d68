CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT;
INSERT INTO notes (id, text) VALUES (1, 'written before the failure');
INSERT INTO table_that_does_not_exist (id) VALUES (1);

INSERT INTO t (a, b) VALUES ($1, '$2 is text') -- $3
/* $4 */ RETURNING "$5"
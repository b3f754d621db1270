/* figure.c: the tables of figure.h, built from its lists, and the orders
 * the writers show them in. */
#include "models/figure.h"

#include <assert.h>

#define FIGURE_DEF(id, name, label, brief, unit, interval, merge, total, \
		   row, cmp) \
	{ name, label, brief, FIGURE_##unit, FIGURE_##interval, \
	  FIGURE_MERGE_##merge, FIGURE_TOTAL_##total, row, cmp },

/* A prediction interval of one period needs one value a period; the
 * confidence intervals (of a mean, and of the share of periods a
 * replication met a goal on, whose periods within one replication are
 * not independent) one value a replication. Checked row by row when
 * compiling. */
#define FIGURE_CHECK(id, name, label, brief, unit, interval, merge, total, \
		     row, cmp) \
	_Static_assert((FIGURE_##interval == FIGURE_PI_PERIOD) \
		       == (FIGURE_MERGE_##merge == FIGURE_MERGE_PERIOD_SUMS), \
		       #id ": only a prediction interval of one period merges " \
		       "one value a period");

FIGURE_LINE_LIST(FIGURE_CHECK)
FIGURE_POOL_LIST(FIGURE_CHECK)
FIGURE_ILINE_LIST(FIGURE_CHECK)
FIGURE_IPOOL_LIST(FIGURE_CHECK)
FIGURE_GRADE_LIST(FIGURE_CHECK)
FIGURE_AREA_LIST(FIGURE_CHECK)
FIGURE_DLINE_LIST(FIGURE_CHECK)
FIGURE_DGRADE_LIST(FIGURE_CHECK)
FIGURE_IGRADE_LIST(FIGURE_CHECK)
FIGURE_IAREA_LIST(FIGURE_CHECK)
FIGURE_DAREA_LIST(FIGURE_CHECK)
FIGURE_WLINE_LIST(FIGURE_CHECK)
FIGURE_PLINE_LIST(FIGURE_CHECK)
FIGURE_CBLINE_LIST(FIGURE_CHECK)
FIGURE_ALINE_LIST(FIGURE_CHECK)
FIGURE_AGRADE_LIST(FIGURE_CHECK)
FIGURE_DEFER_LIST(FIGURE_CHECK)

static const struct figure_def figure_line[] = { FIGURE_LINE_LIST(FIGURE_DEF) };
static const struct figure_def figure_pool[] = { FIGURE_POOL_LIST(FIGURE_DEF) };
static const struct figure_def figure_iline[] = { FIGURE_ILINE_LIST(FIGURE_DEF) };
static const struct figure_def figure_ipool[] = { FIGURE_IPOOL_LIST(FIGURE_DEF) };
static const struct figure_def figure_grade[] = { FIGURE_GRADE_LIST(FIGURE_DEF) };
static const struct figure_def figure_area[] = { FIGURE_AREA_LIST(FIGURE_DEF) };
static const struct figure_def figure_dline[] = { FIGURE_DLINE_LIST(FIGURE_DEF) };
static const struct figure_def figure_dgrade[] = {
	FIGURE_DGRADE_LIST(FIGURE_DEF)
};
static const struct figure_def figure_igrade[] = {
	FIGURE_IGRADE_LIST(FIGURE_DEF)
};
static const struct figure_def figure_iarea[] = { FIGURE_IAREA_LIST(FIGURE_DEF) };
static const struct figure_def figure_darea[] = { FIGURE_DAREA_LIST(FIGURE_DEF) };
static const struct figure_def figure_wline[] = { FIGURE_WLINE_LIST(FIGURE_DEF) };
static const struct figure_def figure_pline[] = { FIGURE_PLINE_LIST(FIGURE_DEF) };
static const struct figure_def figure_cbline[] = {
	FIGURE_CBLINE_LIST(FIGURE_DEF)
};
static const struct figure_def figure_aline[] = { FIGURE_ALINE_LIST(FIGURE_DEF) };
static const struct figure_def figure_agrade[] = {
	FIGURE_AGRADE_LIST(FIGURE_DEF)
};
static const struct figure_def figure_defer[] = { FIGURE_DEFER_LIST(FIGURE_DEF) };

/* The grade list serves two blocks: force-wide, and per area and grade. */
static const struct figure_block_def figure_blocks[FIGURE_BLOCKS] = {
	[FIGURE_BLOCK_LINE] = { FIGURE_BY_LINE, FIGURE_WHOLE_HORIZON,
				figure_line, CC_LINE_METRICS },
	[FIGURE_BLOCK_POOL] = { FIGURE_BY_POOL, FIGURE_WHOLE_HORIZON,
				figure_pool, CC_POOL_METRICS },
	[FIGURE_BLOCK_ILINE] = { FIGURE_BY_LINE, FIGURE_HOUR_OF_WEEK,
				 figure_iline, CC_INTERVAL_LINE_METRICS },
	[FIGURE_BLOCK_IPOOL] = { FIGURE_BY_POOL, FIGURE_HOUR_OF_WEEK,
				 figure_ipool, CC_INTERVAL_POOL_METRICS },
	[FIGURE_BLOCK_GRADE] = { FIGURE_BY_GRADE, FIGURE_WHOLE_HORIZON,
				 figure_grade, RSP_GRADE_METRICS },
	[FIGURE_BLOCK_AREA_GRADE] = { FIGURE_BY_AREA_GRADE, FIGURE_WHOLE_HORIZON,
				      figure_grade, RSP_GRADE_METRICS },
	[FIGURE_BLOCK_AREA] = { FIGURE_BY_AREA, FIGURE_WHOLE_HORIZON,
				figure_area, RSP_AREA_METRICS },
	[FIGURE_BLOCK_DLINE] = { FIGURE_BY_LINE, FIGURE_DAY,
				 figure_dline, CC_DAY_LINE_METRICS },
	[FIGURE_BLOCK_DGRADE] = { FIGURE_BY_GRADE, FIGURE_DAY,
				  figure_dgrade, RSP_DAY_GRADE_METRICS },
	[FIGURE_BLOCK_IGRADE] = { FIGURE_BY_GRADE, FIGURE_HOUR_OF_WEEK,
				  figure_igrade, RSP_HOUR_GRADE_METRICS },
	[FIGURE_BLOCK_IAREA] = { FIGURE_BY_AREA, FIGURE_HOUR_OF_WEEK,
				 figure_iarea, RSP_HOUR_AREA_METRICS },
	[FIGURE_BLOCK_DAREA] = { FIGURE_BY_AREA, FIGURE_DAY,
				 figure_darea, RSP_DAY_AREA_METRICS },
	[FIGURE_BLOCK_WLINE] = { FIGURE_BY_LINE, FIGURE_WAIT_BIN,
				 figure_wline, CC_WAIT_LINE_METRICS },
	[FIGURE_BLOCK_PLINE] = { FIGURE_BY_LINE, FIGURE_ONE_PERIOD,
				 figure_pline, CC_PERIOD_LINE_METRICS },
	[FIGURE_BLOCK_CBLINE] = { FIGURE_BY_LINE, FIGURE_WHOLE_HORIZON,
				  figure_cbline, CB_LINE_METRICS },
	[FIGURE_BLOCK_ALINE] = { FIGURE_BY_LINE, FIGURE_AGREED_PERIODS,
				 figure_aline, CC_AGREEMENT_LINE_METRICS },
	[FIGURE_BLOCK_AGRADE] = { FIGURE_BY_GRADE, FIGURE_AGREED_PERIODS,
				  figure_agrade, RSP_AGREEMENT_GRADE_METRICS },
	[FIGURE_BLOCK_DEFER] = { FIGURE_BY_DEFERRABLE, FIGURE_WHOLE_HORIZON,
				 figure_defer, DF_METRICS },
};

const struct figure_block_def *figure_block(enum figure_block b)
{
	assert((size_t)b < FIGURE_BLOCKS);
	return &figure_blocks[b];
}

const struct figure_def *figure_def(enum figure_block b, size_t k)
{
	assert(k < figure_block(b)->n);
	return &figure_block(b)->defs[k];
}

/* The figures of block b whose place (`row` or `cmp`, as rank picks it)
 * is 1, 2, ...: places are few, so a pass per place is plenty. */
static size_t figure_ranked(enum figure_block b, size_t *order,
			    unsigned (*rank)(const struct figure_def *))
{
	const struct figure_block_def *bd = figure_block(b);
	size_t n = 0;

	for (unsigned place = 1; place <= bd->n; place++)
		for (size_t k = 0; k < bd->n; k++)
			if (rank(&bd->defs[k]) == place)
				order[n++] = k;
	return n;
}

static unsigned figure_row_of(const struct figure_def *d)
{
	return d->row;
}

static unsigned figure_cmp_of(const struct figure_def *d)
{
	return d->cmp;
}

size_t figure_rows(enum figure_block b, size_t *order)
{
	return figure_ranked(b, order, figure_row_of);
}

size_t figure_compared(enum figure_block b, size_t *order)
{
	return figure_ranked(b, order, figure_cmp_of);
}

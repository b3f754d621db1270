/* report_run.c: a run's summary in the form its options ask for. */
#include "results/report_run.h"

#include "results/report_csv.h"
#include "results/report_json.h"
#include "results/report_table.h"
#include "results/report_table_hours.h"

enum sim_status report_run_write(FILE *f, const struct summary *s,
				 const struct report_run_form *form,
				 struct sim_err *err)
{
	enum sim_status st;

	switch (form->format) {
	case REPORT_RUN_CSV:
		return form->wide ? report_csv_write_wide(f, s, err)
			: report_csv_write(f, s, form->intervals, err);
	case REPORT_RUN_JSON:
		return report_json_write_run(f, s, form->intervals,
					     form->command, form->n_command,
					     err);
	default:
		break;
	}
	st = report_table_write(f, s, form->intervals, err);
	if (st == SIM_OK && form->by_day)
		st = report_table_write_days(f, s, err);
	if (st == SIM_OK && form->by_hour)
		st = report_table_hours_write(f, s, err);
	return st;
}

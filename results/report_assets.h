/* report_assets.h: what a report page inlines, built into the program from
 * the npm packages pinned by package-lock.json (results/report_assets.py
 * writes report_assets.c at build time): Vega, Vega-Lite, vega-embed, the
 * page's own script (results/report_boot.js), their licences, and the
 * script-src sources (SHA-256 hashes) that let exactly these scripts run.
 * Each array is NUL-terminated after its _len bytes. */
#ifndef RESULTS_REPORT_ASSETS_H
#define RESULTS_REPORT_ASSETS_H

#include <stddef.h>

extern const unsigned char report_assets_vega[];
extern const size_t report_assets_vega_len;
extern const unsigned char report_assets_lite[];
extern const size_t report_assets_lite_len;
extern const unsigned char report_assets_embed[];
extern const size_t report_assets_embed_len;
extern const unsigned char report_assets_boot[];
extern const size_t report_assets_boot_len;
extern const unsigned char report_assets_licences[];
extern const size_t report_assets_licences_len;
extern const char report_assets_csp[];

#endif

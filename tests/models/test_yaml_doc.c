/* test_yaml_doc.c: the YAML document layer's key paths, numbers, and the
 * copy of a document that keeps ids and positions, a value appended
 * after a document's own nodes, and the edits --set makes in place. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/test_support.h"
#include "models/yaml_doc.h"

/* What yaml_doc_path_join wrote before it was written by hand. */
static void reference_join(char buf[YAML_DOC_PATH_MAX], const char *parent,
			   const char *leaf)
{
	int n = snprintf(buf, YAML_DOC_PATH_MAX, "%s%s%s", parent,
			 parent[0] ? "." : "", leaf);

	if (n >= YAML_DOC_PATH_MAX)
		memcpy(buf + YAML_DOC_PATH_MAX - 4, "...", 4);
}

/* Every length of parent and leaf around the buffer's size. */
static void test_path_join_matches_reference(void **state)
{
	char parent[2 * YAML_DOC_PATH_MAX], leaf[2 * YAML_DOC_PATH_MAX];
	char got[YAML_DOC_PATH_MAX], want[YAML_DOC_PATH_MAX];

	(void)state;
	for (size_t lp = 0; lp < YAML_DOC_PATH_MAX + 3; lp += 1)
		for (size_t ll = 0; ll < YAML_DOC_PATH_MAX + 3; ll += 7) {
			memset(parent, 'p', lp);
			parent[lp] = '\0';
			memset(leaf, 'l', ll);
			leaf[ll] = '\0';
			yaml_doc_path_join(got, parent, leaf);
			reference_join(want, parent, leaf);
			assert_string_equal(got, want);
		}
	yaml_doc_path_join(got, "", "run");
	assert_string_equal(got, "run");
	yaml_doc_path_join(got, "lines.999", "handle");
	assert_string_equal(got, "lines.999.handle");
}

static void test_numbers(void **state)
{
	double v = 0;

	(void)state;
	assert_int_equal(yaml_doc_text_number("2.385", &v), 0);
	assert_true(v == 2.385);
	assert_int_equal(yaml_doc_text_number("0x10", &v), -3);
	assert_int_equal(yaml_doc_text_number(".inf", &v), -2);
	assert_int_equal(yaml_doc_text_number("10s", &v), -1);
}

/* A copy keeps every node's id, kind, text and position. */
static void test_copy_keeps_ids_and_marks(void **state)
{
	static const char text[] = "a: [1, {b: two}]\nc: &x {d: 3}\ne: *x\n";
	yaml_document_t src, dst;
	struct yaml_doc_fail f;

	(void)state;
	assert_int_equal(yaml_doc_parse(text, strlen(text), &src, &f), 1);
	assert_int_equal(yaml_doc_copy(&dst, &src), 1);
	assert_int_equal(dst.nodes.top - dst.nodes.start,
			 src.nodes.top - src.nodes.start);
	for (yaml_node_t *a = src.nodes.start, *b = dst.nodes.start;
	     a < src.nodes.top; a++, b++) {
		assert_int_equal(a->type, b->type);
		assert_int_equal(a->start_mark.line, b->start_mark.line);
		assert_int_equal(a->start_mark.column, b->start_mark.column);
		if (a->type == YAML_SCALAR_NODE)
			assert_string_equal(yaml_doc_text(a), yaml_doc_text(b));
		else if (a->type == YAML_SEQUENCE_NODE)
			assert_int_equal(yaml_doc_seq_len(a), yaml_doc_seq_len(b));
		else
			assert_int_equal(a->data.mapping.pairs.top -
					 a->data.mapping.pairs.start,
					 b->data.mapping.pairs.top -
					 b->data.mapping.pairs.start);
	}
	yaml_document_delete(&dst);
	yaml_document_delete(&src);
}

/* Appended after a document's own nodes, a value keeps its shape, its
 * entries name the moved ids, and an alias stays one node. */
static void test_append_moves_ids(void **state)
{
	static const char base[] = "a: 1\n", value[] = "[&x {d: 3}, *x]";
	yaml_document_t dst, v;
	struct yaml_doc_fail f;
	yaml_node_t *seq, *item;
	int root;

	(void)state;
	assert_int_equal(yaml_doc_parse(base, strlen(base), &dst, &f), 1);
	assert_int_equal(yaml_doc_parse(value, strlen(value), &v, &f), 1);
	root = yaml_doc_append(&dst, &v);
	assert_int_equal(root, 4);
	assert_int_equal(dst.nodes.top - dst.nodes.start, 3 + 4);
	seq = yaml_document_get_node(&dst, root);
	assert_int_equal(seq->type, YAML_SEQUENCE_NODE);
	assert_int_equal(yaml_doc_seq_len(seq), 2);
	assert_int_equal(seq->data.sequence.items.start[0],
			 seq->data.sequence.items.start[1]);
	item = yaml_document_get_node(&dst, seq->data.sequence.items.start[0]);
	assert_int_equal(item->type, YAML_MAPPING_NODE);
	assert_string_equal(yaml_doc_text(yaml_document_get_node(&dst,
		item->data.mapping.pairs.start[0].value)), "3");
	yaml_document_delete(&v);
	yaml_document_delete(&dst);
}

/* A document of text, parsed into doc, for the editing tests. */
static void edit_open(const char *text, yaml_document_t *doc,
		      struct yaml_doc *yd)
{
	struct yaml_doc_fail f;

	assert_int_equal(yaml_doc_parse(text, strlen(text), doc, &f), 1);
	memset(yd, 0, sizeof *yd);
	yd->doc = doc;
}

/* A key is replaced where it stands, added at the end when absent, and
 * taken out with the pairs after it closing up. */
static void test_map_set_and_remove(void **state)
{
	yaml_document_t doc;
	struct yaml_doc yd;
	int v;

	(void)state;
	edit_open("a: 1.5\nb: two\n", &doc, &yd);
	assert_int_equal(yaml_doc_pair_index(&yd, 1, "b"), 1);
	assert_int_equal(yaml_doc_pair_index(&yd, 1, "c"), -1);
	v = yaml_doc_map_get(&yd, 1, "a");
	assert_int_equal(yaml_doc_map_set(&yd, 1, "b", v), 1);
	assert_int_equal(yaml_doc_map_get(&yd, 1, "b"), v);
	assert_int_equal(yaml_doc_map_set(&yd, 1, "c", v), 1);
	assert_int_equal(yaml_doc_pair_index(&yd, 1, "c"), 2);
	assert_string_equal(yaml_doc_text(yaml_doc_node(&yd,
		yaml_doc_map_get(&yd, 1, "c"))), "1.5");
	yaml_doc_map_remove(&yd, 1, "a");
	yaml_doc_map_remove(&yd, 1, "absent");
	assert_int_equal(yaml_doc_pair_index(&yd, 1, "a"), -1);
	assert_int_equal(yaml_doc_pair_index(&yd, 1, "b"), 0);
	assert_int_equal(yaml_doc_pair_index(&yd, 1, "c"), 1);
	assert_int_equal(yd.oom, 0);
	yaml_document_delete(&doc);
}

/* An item is selected by its name before its index, so an item named
 * "1" is found by "1" wherever it stands; a scalar item has no name. */
static void test_seq_find_name_then_index(void **state)
{
	yaml_document_t doc;
	struct yaml_doc yd;

	(void)state;
	edit_open("[{name: early}, 7.25, {name: \"0\"}, {name: [x]}]", &doc,
		  &yd);
	assert_int_equal(yaml_doc_seq_find(&yd, 1, "early"), 0);
	assert_int_equal(yaml_doc_seq_find(&yd, 1, "0"), 2);
	assert_int_equal(yaml_doc_seq_find(&yd, 1, "1"), 1);
	assert_int_equal(yaml_doc_seq_find(&yd, 1, "3"), 3);
	assert_int_equal(yaml_doc_seq_find(&yd, 1, "4"), -1);
	assert_int_equal(yaml_doc_seq_find(&yd, 1, "-1"), -1);
	assert_int_equal(yaml_doc_seq_find(&yd, 1, "1x"), -1);
	assert_int_equal(yaml_doc_seq_find(&yd, 1, "late"), -1);
	assert_null(yaml_doc_item_name(&yd, *yaml_doc_slot(&yd, 1, 1)));
	assert_null(yaml_doc_item_name(&yd, *yaml_doc_slot(&yd, 1, 3)));
	assert_string_equal(yaml_doc_item_name(&yd, *yaml_doc_slot(&yd, 1, 0)),
			    "early");
	yaml_document_delete(&doc);
}

/* A node an anchor shares is copied (at its position) before it is
 * changed, so the alias's path changes and the anchor's does not; a
 * node held once, or a scalar, is its parent's own already. */
static void test_unshare_copies_only_shared(void **state)
{
	yaml_document_t doc;
	struct yaml_doc yd;
	int a, b, v;

	(void)state;
	edit_open("a: &x {k: 2.385}\nb: *x\nc: {k: 4}\nd: &y 5\ne: *y\n",
		  &doc, &yd);
	a = yaml_doc_map_get(&yd, 1, "a");
	b = yaml_doc_unshare(&yd, 1, 1);
	assert_int_not_equal(b, a);
	assert_int_equal(yd.n_copies, 1);
	assert_int_equal(yd.copies[0], b);
	assert_int_equal(yaml_doc_node(&yd, b)->start_mark.line,
			 yaml_doc_node(&yd, a)->start_mark.line);
	v = yaml_doc_map_get(&yd, yaml_doc_map_get(&yd, 1, "c"), "k");
	assert_int_equal(yaml_doc_map_set(&yd, b, "k", v), 1);
	assert_string_equal(yaml_doc_text(yaml_doc_node(&yd,
		yaml_doc_map_get(&yd, a, "k"))), "2.385");
	assert_string_equal(yaml_doc_text(yaml_doc_node(&yd,
		yaml_doc_map_get(&yd, b, "k"))), "4");
	assert_int_equal(yaml_doc_unshare(&yd, 1, 0), a);
	assert_int_equal(yaml_doc_unshare(&yd, 1, 2),
			 yaml_doc_map_get(&yd, 1, "c"));
	assert_int_equal(yaml_doc_unshare(&yd, 1, 4),
			 yaml_doc_map_get(&yd, 1, "d"));
	assert_int_equal(yd.n_copies, 1);
	yaml_doc_release(&yd);
	yaml_document_delete(&doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_path_join_matches_reference),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_copy_keeps_ids_and_marks),
		cmocka_unit_test(test_append_moves_ids),
		cmocka_unit_test(test_map_set_and_remove),
		cmocka_unit_test(test_seq_find_name_then_index),
		cmocka_unit_test(test_unshare_copies_only_shared),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/**
 * The batch engine shared by the CLI, Jenkins and Fiji: it turns files, folders and Ant-style globs into output images
 * below one folder, mirroring the inputs' folder structure, and never pays twice for the same work.
 *
 * <p>Configure a {@link io.github.removebgsuite.common.batch.BatchJob} once and run it with a
 * {@link io.github.removebgsuite.common.batch.BatchEngine}. Every input appears exactly once in the resulting
 * {@link io.github.removebgsuite.common.batch.BatchReport}. A manifest keyed on each input's SHA-256 and the canonical
 * request parameters lets a re-run (also after an interruption) skip what is already done; outputs and the manifest
 * are written atomically, so no partial file is ever left behind.
 */
package io.github.removebgsuite.common.batch;

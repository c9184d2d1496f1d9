"""Development tools: the one way to start a Streamlit server for tests, the benchmark and the
load generator, a free loopback port, and the Chromium that browser tests and the benchmark drive.
See devtools/README.md."""

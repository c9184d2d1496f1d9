"""The model: pure functions of the dataset and plain arguments (membership, chairs, profiles, timeline, matrix, events). No Streamlit."""

"""Streamlit-only code: the frame, cached data access and shared widgets."""

"""linkstar-kit: a questionnaire about a cross-border e-commerce team in, a tailored KPI system out."""

__version__ = "0.1.0"

"""The activity dashboard and logs views over a log store: terminal reports and the /_activity pages."""

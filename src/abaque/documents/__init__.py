"""What every document of Abaque shares (PDF, ODT, XLSX), below every app."""

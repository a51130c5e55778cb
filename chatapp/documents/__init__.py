"""Documents a user gives the model: reading their text (plain text, Markdown, source
code, PDF, DOCX, HTML) with where each part came from, cutting it into passages, and
the private, content-addressed copies kept with a chat. No Qt."""

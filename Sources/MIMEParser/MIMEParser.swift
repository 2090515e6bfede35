/// MIME parsing: raw message bytes in, a part tree out.
public enum MIMEParserModule {}

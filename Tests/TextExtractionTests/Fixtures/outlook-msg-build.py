# Builds the Outlook .msg fixtures with msgforge 1.0.0 (PyPI), a pure-Python .msg writer.
from msgforge import Message
m = Message(subject="Year 10 review - Ali Rahman",
            html_body="<p>Notes for the review meeting. Ali Rahman, date of birth 07/01/2011, is on the SEN register.</p>",
            to=[("parent.helper@example.org", "Parent Helper")])
m.attach("pupils.xls")
m.save("review.msg")

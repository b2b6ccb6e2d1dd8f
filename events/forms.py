"""The registration form: one field per question the event's editor has set."""

from django import forms


class RegistrationForm(forms.Form):
    def __init__(self, questions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[self.field_name(question)] = question.form_field()

    @staticmethod
    def field_name(question):
        return f"spoergsmaal_{question.pk}"

    def answers(self):
        """The answers with each question's text, as stored with the registration."""
        return [
            {"question": question.label, "answer": self.cleaned_data[self.field_name(question)]}
            for question in self.questions
        ]

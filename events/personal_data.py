"""A registration as the person's data download shows it: shared by conferences and meetings."""


def registration_data(registration):
    """Status, waiting-list position and answers; needs `with_waiting_position()`."""
    return {
        "status": registration.get_status_display(),
        "nummer_paa_venteliste": registration.waiting_position,
        "svar": [
            {"spørgsmål": answer["question"], "svar": answer["answer"]}
            for answer in registration.answers
        ],
        "tilmeldt": registration.created.isoformat(),
    }

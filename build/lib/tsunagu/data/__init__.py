"""The city's data: reading and checking data/*.yml (all problems at once), the validated model, interface
strings, holidays.
"""

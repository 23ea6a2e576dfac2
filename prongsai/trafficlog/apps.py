from django.apps import AppConfig


class TrafficlogConfig(AppConfig):
    name = "prongsai.trafficlog"
    label = "trafficlog"

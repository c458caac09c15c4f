# Runs the jar built by ./mvnw package (target/ratsweg.jar) on a Java 17 runtime.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app --no-create-home ratsweg \
    && mkdir -p /app/data \
    && chown -R ratsweg /app
WORKDIR /app
COPY target/ratsweg.jar /app/ratsweg.jar
# The models that ship with this version; docker-compose.yml mounts the folder instead.
COPY processes /app/processes
USER ratsweg
EXPOSE 8080
ENV RATSWEG_PROCESSES=/app/processes
# The municipalities' time: timers written as times of day (the morning digest) and dates
# in mails follow it.
ENV TZ=Europe/Berlin
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/ratsweg.jar"]
